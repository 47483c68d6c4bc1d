using DrLambdas.Aws.Route53;
using DrLambdas.Functions.Common;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.DnsUpdater;

/// <summary>Wires the DNS updater's operations: apply, status and associate.</summary>
internal static class DnsUpdaterFunction
{
    public const string Name = "DnsUpdater";

    public static OperationRouter CreateRouter(DrConfiguration configuration, IRoute53Client route53, TimeProvider timeProvider)
    {
        var apply = new ApplyOperation(configuration, route53, timeProvider);
        var status = new DnsStatusOperation(configuration, route53, timeProvider);
        var associate = new AssociateOperation(configuration, route53, timeProvider);
        var json = ContractsJsonContext.Default;
        return new OperationRouter(Name,
        [
            new FunctionOperation<DnsApplyRequest, DnsChangeResponse>(
                OperationNames.Apply, json.DnsApplyRequest, json.DnsChangeResponse, request => request.IncidentId, apply.HandleAsync),
            new FunctionOperation<DnsStatusRequest, DnsChangeResponse>(
                OperationNames.Status, json.DnsStatusRequest, json.DnsChangeResponse, request => request.IncidentId, status.HandleAsync),
            new FunctionOperation<DnsAssociateRequest, DnsAssociateResponse>(
                OperationNames.Associate, json.DnsAssociateRequest, json.DnsAssociateResponse, _ => null, associate.HandleAsync),
        ]);
    }
}
