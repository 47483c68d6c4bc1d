using DrLambdas.Functions.Common;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.HealthValidator.Operations;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator;

/// <summary>Wires the validator's operations: assess, verify, pin, recovery, gate and the scheduled probe.</summary>
internal static class HealthValidatorFunction
{
    public const string Name = "HealthValidator";

    /// <summary>The evidence readers of <c>assess</c>, wired once here so drctl's <c>status</c> reads exactly what assess reads.</summary>
    public static EvidenceCollector CreateCollector(ValidatorDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        var configuration = dependencies.Configuration;
        var time = dependencies.TimeProvider;
        var runner = new SourceRunner(time);
        return new EvidenceCollector(
            configuration,
            dependencies.Probe,
            new Route53HealthReader(dependencies.Route53, runner, time),
            new AlarmReader(dependencies.CloudWatch, configuration, runner, time),
            new DatabaseReader(dependencies.Rds, configuration, runner, time),
            new ReplicationLagReader(dependencies.CloudWatch, configuration, runner, time),
            new ExecutionHistoryReader(dependencies.StepFunctions, configuration, runner),
            new WeightReader(dependencies.Route53, configuration, runner),
            new ProbeMetricReader(dependencies.CloudWatch, configuration, runner, time),
            time);
    }

    public static OperationRouter CreateRouter(ValidatorDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        var configuration = dependencies.Configuration;
        var time = dependencies.TimeProvider;
        var runner = new SourceRunner(time);
        var route53 = new Route53HealthReader(dependencies.Route53, runner, time);
        var alarms = new AlarmReader(dependencies.CloudWatch, configuration, runner, time);
        var database = new DatabaseReader(dependencies.Rds, configuration, runner, time);
        var weights = new WeightReader(dependencies.Route53, configuration, runner);
        var observer = new RegionObserver(dependencies.Probe, route53, alarms);
        var collector = CreateCollector(dependencies);

        var assess = new AssessOperation(configuration, collector, time);
        var pins = new PinReader(weights);
        var verify = new VerifyOperation(configuration, dependencies.Probe, dependencies.Rds, pins, runner, time);
        var pin = new PinOperation(configuration, pins, time);
        var recovery = new RecoveryOperation(configuration, observer, database, weights, time);
        var gate = new GateOperation(configuration, observer);
        var probe = new ProbeOperation(configuration, dependencies.Probe, dependencies.CloudWatch, time);
        var json = ContractsJsonContext.Default;
        return new OperationRouter(Name,
        [
            new FunctionOperation<AssessRequest, AssessResponse>(
                OperationNames.Assess, json.AssessRequest, json.AssessResponse,
                request => string.IsNullOrWhiteSpace(request.Execution.Name) ? null : request.Execution.IncidentId,
                assess.HandleAsync),
            new FunctionOperation<VerifyRequest, VerifyResponse>(
                OperationNames.Verify, json.VerifyRequest, json.VerifyResponse,
                request => request.Document.Assessment.IncidentId,
                verify.HandleAsync),
            new FunctionOperation<PinRequest, PinResponse>(
                OperationNames.Pin, json.PinRequest, json.PinResponse,
                request => request.IncidentId,
                pin.HandleAsync),
            new FunctionOperation<RecoveryRequest, RecoveryResponse>(
                OperationNames.Recovery, json.RecoveryRequest, json.RecoveryResponse,
                request => request.IncidentId,
                recovery.HandleAsync),
            new FunctionOperation<GateRequest, GateResponse>(
                OperationNames.Gate, json.GateRequest, json.GateResponse,
                request => request.IncidentId,
                gate.HandleAsync),
            new FunctionOperation<ProbeRequest, ProbeResponse>(
                OperationNames.Probe, json.ProbeRequest, json.ProbeResponse,
                _ => null,
                probe.HandleAsync),
        ]);
    }
}
