using DrLambdas.Aws.Rds;
using DrLambdas.Functions.Common;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.AuroraPromoter;

/// <summary>Wires the promoter's two operations: start and status.</summary>
internal static class AuroraPromoterFunction
{
    public const string Name = "AuroraPromoter";

    public static OperationRouter CreateRouter(DrConfiguration configuration, IRdsClient rds, TimeProvider timeProvider)
    {
        var start = new StartOperation(configuration, rds, timeProvider);
        var status = new StatusOperation(configuration, rds, timeProvider);
        var json = ContractsJsonContext.Default;
        return new OperationRouter(Name,
        [
            new FunctionOperation<PromotionStartRequest, PromotionStartResponse>(
                OperationNames.Start, json.PromotionStartRequest, json.PromotionStartResponse, request => request.IncidentId, start.HandleAsync),
            new FunctionOperation<PromotionStatusRequest, PromotionStatusResponse>(
                OperationNames.Status, json.PromotionStatusRequest, json.PromotionStatusResponse, request => request.IncidentId, status.HandleAsync),
        ]);
    }
}
