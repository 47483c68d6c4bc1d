using System.Text.Json;
using DrLambdas.Aws.Route53;
using DrLambdas.Aws.Sns;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Support;

/// <summary>
/// A <see cref="ValidatorWorld"/> ready for <c>readiness</c>: records gated by their health checks, no execution running,
/// a dry run succeeded 10 days ago, both state machines active, one confirmed e-mail subscription, no pause and no
/// remembered findings. Tests break one thing at a time.
/// </summary>
internal sealed class ReadinessWorld : IDisposable
{
    public const string FailbackArn = "arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failback";
    public const string TopicArn = "arn:aws:sns:ap-northeast-1:111122223333:dr-alerts";
    public const string PauseParameter = "/drlambdas/dr/pause";
    public const string FindingsParameter = "/drlambdas/dr/readiness";
    public const string DryRunArn = "arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:dry-run";

    public ReadinessWorld(Action<Dictionary<string, string?>>? change = null)
    {
        World = new ValidatorWorld(Load(variables =>
        {
            variables[EnvironmentVariables.PrimaryHealthCheckAlarmName] = ValidatorWorld.PrimaryHealthCheckAlarm;
            variables[EnvironmentVariables.AlertTopicArn] = TopicArn;
            variables[EnvironmentVariables.FailbackStateMachineArn] = FailbackArn;
            variables[EnvironmentVariables.PauseParameterName] = PauseParameter;
            variables[EnvironmentVariables.ReadinessParameterName] = FindingsParameter;
            change?.Invoke(variables);
        }));
        World.Executions.Clear();
        World.Executions.Add(new ExecutionSummary(DryRunArn, StateMachineArn, "dry-run", StepFunctionsExecutionStatus.Succeeded,
            ValidatorWorld.T0.AddDays(-10), ValidatorWorld.T0.AddDays(-10).AddMinutes(2)));
        World.ExecutionOutputs[DryRunArn] = """{"assessment":{"decision":{"action":"None"}}}""";
        World.Route53.Setup(client => client.ListResourceRecordSetsAsync(It.IsAny<ListResourceRecordSetsRequest>(), It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromResult(new ResourceRecordSetPage(
                Records.Select(entry => new ResourceRecordSet(RecordName, "A", entry.Key, entry.Value.Weight, 60, ["192.0.2.10"], null, entry.Value.HealthCheckId)).ToList(),
                false, null, null, null)));
        World.StepFunctions.Setup(client => client.ListExecutionsAsync(It.IsAny<ListExecutionsRequest>(), It.IsAny<CancellationToken>()))
            .Returns((ListExecutionsRequest request, CancellationToken _) => Task.FromResult(new ExecutionPage(
                World.Executions.Where(execution => request.StatusFilter is null || execution.Status == request.StatusFilter).ToList(), null)));
        World.StepFunctions.Setup(client => client.DescribeExecutionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string arn, CancellationToken _) => Task.FromResult(new ExecutionDescription(
                arn, StateMachineArn, arn.Split(':')[^1], StepFunctionsExecutionStatus.Succeeded, ValidatorWorld.T0.AddDays(-10), ValidatorWorld.T0.AddDays(-10),
                ExecutionInputs.GetValueOrDefault(arn, """{"mode":"dry-run","reason":"monthly game day","requestedBy":"scheduler"}"""),
                World.ExecutionOutputs.GetValueOrDefault(arn), null, null)));
        World.StepFunctions.Setup(client => client.DescribeStateMachineAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string arn, CancellationToken _) => DeletedStateMachines.Contains(arn)
                ? Task.FromException<StateMachineDescription>(ValidatorWorld.ServiceError("Step Functions", "DescribeStateMachine", "StateMachineDoesNotExist"))
                : Task.FromResult(new StateMachineDescription(arn, arn.Split(':')[^1], "ACTIVE", "STANDARD")));
        World.Sns.Setup(client => client.ListSubscriptionsByTopicAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromResult<IReadOnlyList<SnsSubscription>>(Subscriptions.ToList()));
        World.Sns.Setup(client => client.PublishAsync(It.IsAny<SnsPublishRequest>(), It.IsAny<CancellationToken>()))
            .Callback((SnsPublishRequest request, CancellationToken _) => Published.Add(request))
            .ReturnsAsync("message-1");
        World.ParameterStore.Setup(store => store.PutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Callback((string name, string value, bool _, bool _, CancellationToken _) => StoredParameters[name] = value)
            .Returns(Task.CompletedTask);
    }

    public ValidatorWorld World { get; }

    /// <summary>The weighted records by set identifier: weight and health check.</summary>
    public Dictionary<string, (int Weight, string? HealthCheckId)> Records { get; } = new()
    {
        ["tpe"] = (70, TpeHealthCheckId),
        ["nrt"] = (30, NrtHealthCheckId),
    };

    /// <summary>Execution inputs by ARN; a dry run when not set.</summary>
    public Dictionary<string, string> ExecutionInputs { get; } = [];

    public HashSet<string> DeletedStateMachines { get; } = [];

    public List<SnsSubscription> Subscriptions { get; } =
        [new SnsSubscription(TopicArn + ":6f1c0b1e-8a8e-4f36-a3c4-7c2f1c0e5a11", "email", "oncall@example.com")];

    public List<SnsPublishRequest> Published { get; } = [];

    /// <summary>The SSM parameters as the store holds them.</summary>
    public Dictionary<string, string> StoredParameters => World.Parameters;

    public Task<ReadinessResponse> ReadinessAsync() => World.InvokeAsync(
        JsonSerializer.SerializeToElement(new ReadinessRequest(OperationNames.Readiness), ContractsJsonContext.Default.ReadinessRequest),
        ContractsJsonContext.Default.ReadinessResponse);

    public void Dispose() => World.Dispose();
}
