using DrLambdas.Functions.Common;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.HealthValidator.Operations;
using DrLambdas.HealthValidator.Readiness;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator;

/// <summary>Wires the validator's operations: assess, verify, pin, recovery, gate, approval-request/-close, the scheduled probe and readiness.</summary>
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
            new PauseReader(dependencies.ParameterStore, configuration, runner, time),
            new ExtraSignalReader(dependencies.CloudWatch, configuration, runner, time),
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
        var replication = new ReplicationLagReader(dependencies.CloudWatch, configuration, runner, time);
        var executions = new ExecutionHistoryReader(dependencies.StepFunctions, configuration, runner);
        var extraSignals = new ExtraSignalReader(dependencies.CloudWatch, configuration, runner, time);
        var observer = new RegionObserver(dependencies.Probe, route53, alarms);
        var collector = CreateCollector(dependencies);

        var assess = new AssessOperation(configuration, collector, time);
        var pins = new PinReader(weights);
        var verify = new VerifyOperation(configuration, dependencies.Probe, dependencies.Rds, pins, runner, time);
        var pin = new PinOperation(configuration, pins, time);
        var recovery = new RecoveryOperation(configuration, observer, database, weights, extraSignals, time);
        var gate = new GateOperation(configuration, observer, extraSignals);
        var probe = new ProbeOperation(configuration, dependencies.Probe, dependencies.CloudWatch, time);
        var readiness = new ReadinessOperation(
            configuration,
            new ReadinessChecks(
                new DnsReadiness(dependencies.Route53, configuration, runner),
                database,
                replication,
                executions,
                weights,
                new DatabaseReadiness(configuration),
                new IncidentReadiness(configuration),
                new AlarmReadiness(dependencies.CloudWatch, configuration, runner),
                new StateMachineReadiness(dependencies.StepFunctions, configuration, runner),
                new TopicReadiness(dependencies.Sns, configuration, runner),
                new PauseReadiness(dependencies.ParameterStore, configuration, runner),
                new ExerciseReadiness(dependencies.StepFunctions, configuration, runner)),
            new ReadinessMemory(dependencies.ParameterStore, configuration),
            dependencies.Sns,
            time);
        var approvals = new ApprovalOperation(configuration, dependencies.ParameterStore, time);
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
            new FunctionOperation<ApprovalRequest, ApprovalRequestResponse>(
                OperationNames.ApprovalRequest, json.ApprovalRequest, json.ApprovalRequestResponse,
                request => request.Execution.IncidentId,
                approvals.RequestAsync),
            new FunctionOperation<ApprovalCloseRequest, ApprovalCloseResponse>(
                OperationNames.ApprovalClose, json.ApprovalCloseRequest, json.ApprovalCloseResponse,
                request => request.Execution.IncidentId,
                approvals.CloseAsync),
            new FunctionOperation<ProbeRequest, ProbeResponse>(
                OperationNames.Probe, json.ProbeRequest, json.ProbeResponse,
                _ => null,
                probe.HandleAsync),
            new FunctionOperation<ReadinessRequest, ReadinessResponse>(
                OperationNames.Readiness, json.ReadinessRequest, json.ReadinessResponse,
                _ => null,
                readiness.HandleAsync),
        ]);
    }
}
