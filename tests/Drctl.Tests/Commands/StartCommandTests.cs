using System.Text.Json;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Tests.Support;
using Moq;

namespace DrLambdas.Drctl.Tests.Commands;

public sealed class StartCommandTests
{
    private const string RecoveredDocument = """
        {"trigger":{"mode":"failover","reason":"primary down","force":false,"requestedBy":"arn:aws:sts::111122223333:assumed-role/DrOperators/alice@example.com"},
         "assessment":{"incidentId":"dr-x","decision":{"action":"Failover","failedRegion":"ap-east-2","targetRegion":"ap-northeast-1","allowDataLoss":true,"estimatedDataLossSeconds":0.8,"forced":false,"dryRun":false,
           "reasons":[{"code":"PrimaryDownByQuorum","message":"3 of 4 signal kinds agree","evidence":["probe:ap-northeast-1→ap-east-2 unhealthy"]}]}},
         "report":{"outcome":"Recovered","subject":"DrLambdas [dr-x]: Recovered after Failover to ap-northeast-1","checks":[{"name":"target-writer","passed":true,"detail":"writer in ap-northeast-1"}],
           "timeline":[{"step":"PromotionCompleted","at":"2026-12-03T05:00:40Z"}],"rto":{"measuredSeconds":41.5,"targetSeconds":60,"budgetSeconds":95,"breakdown":[{"name":"promotion","seconds":30.1,"detail":"FailoverGlobalCluster"}],"measuredTo":"PromotionCompleted"},
           "dataLoss":{"estimatedSeconds":0.8,"allowed":true,"basis":"AuroraGlobalDBRPOLag"},"pin":{"state":"Landed","detail":"weights 0/100"}}}
        """;

    private readonly DrctlHarness _drctl = new();
    private string? _input;
    private string? _machine;

    public StartCommandTests()
    {
        _drctl.StepFunctions.Setup(s => s.StartExecutionAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string machine, string? input, string? _, CancellationToken _) => (_machine, _input) = (machine, input))
            .ReturnsAsync((string machine, string? _, string? name, CancellationToken _) =>
                new StartExecutionResult(DrctlHarness.ExecutionArn(machine, name!), DrctlHarness.Now));
    }

    [Fact]
    public async Task Failover_NoFollow_StartsTheFailoverMachineWithTheManualDocumentAndTheCallerIdentity()
    {
        var run = await _drctl.RunAsync("failover", "--target", "ap-northeast-1", "--force", "--reason", "primary down", "--no-follow");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(DrctlHarness.Failover, _machine);
        using var input = JsonDocument.Parse(_input!);
        var root = input.RootElement;
        Assert.Equal("failover", root.GetProperty("mode").GetString());
        Assert.Equal("ap-northeast-1", root.GetProperty("targetRegion").GetString());
        Assert.True(root.GetProperty("force").GetBoolean());
        Assert.Equal("primary down", root.GetProperty("reason").GetString());
        Assert.Equal(DrctlHarness.Operator, root.GetProperty("requestedBy").GetString());
        Assert.Contains("drctl watch drctl-failover-20261203T050000Z-", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failback_NoFollow_StartsTheFailbackMachine()
    {
        var run = await _drctl.RunAsync("failback", "--reason", "primary repaired", "--no-follow");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(DrctlHarness.Failback, _machine);
        Assert.Contains("\"mode\":\"failback\"", _input, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failover_TargetOutsideTheStack_UsageErrorAndNothingStarted()
    {
        var run = await _drctl.RunAsync("failover", "--target", "eu-west-1", "--no-follow");

        Assert.Equal(64, run.ExitCode);
        Assert.Equal("drctl: --target eu-west-1 is not one of this stack's Regions (ap-east-2, ap-northeast-1).\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Null(_machine);
    }

    [Fact]
    public async Task Failover_ForceWithoutReason_UsageErrorAndNothingStarted()
    {
        var run = await _drctl.RunAsync("failover", "--force", "--no-follow");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("--force needs --reason", run.Error, StringComparison.Ordinal);
        Assert.Null(_machine);
    }

    [Fact]
    public async Task Failover_MissingStartPermission_OneLineNamingTheAction()
    {
        _drctl.StepFunctions.Setup(s => s.StartExecutionAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(DrctlHarness.AwsError("SFN", "StartExecution", "AccessDeniedException",
                "User: arn:aws:sts::111122223333:assumed-role/ReadOnly/bob is not authorized to perform: states:StartExecution on resource: " + DrctlHarness.Failover));

        var run = await _drctl.RunAsync("failover", "--no-follow");

        Assert.Equal(3, run.ExitCode);
        var lines = run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("drctl: missing permission states:StartExecution ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failover_Followed_PrintsEachStateThenTheReportAndExitsZero()
    {
        string? arn = null;
        _drctl.StepFunctions.Setup(s => s.DescribeExecutionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string a, CancellationToken _) => new ExecutionDescription(
                arn = a, DrctlHarness.Failover, "x", StepFunctionsExecutionStatus.Succeeded, DrctlHarness.Now, DrctlHarness.Now.AddSeconds(50),
                "{}", RecoveredDocument, null, null));
        _drctl.History(
            new HistoryEvent(1, "ExecutionStarted", DrctlHarness.Now, null, null),
            new HistoryEvent(2, "PassStateEntered", DrctlHarness.Now, "Initialize", null),
            new HistoryEvent(3, "PassStateExited", DrctlHarness.Now, "Initialize", "{}"),
            new HistoryEvent(4, "TaskStateEntered", DrctlHarness.Now.AddSeconds(1), "Validate", null),
            new HistoryEvent(5, "TaskStateExited", DrctlHarness.Now.AddSeconds(3), "Validate", "{}"),
            new HistoryEvent(6, "ParallelStateEntered", DrctlHarness.Now.AddSeconds(3), "ExecuteRecovery", null),
            new HistoryEvent(7, "ParallelStateExited", DrctlHarness.Now.AddSeconds(45), "ExecuteRecovery", "{}"),
            new HistoryEvent(8, "ExecutionSucceeded", DrctlHarness.Now.AddSeconds(50), null, "{}"));

        var run = await _drctl.RunAsync("failover", "--reason", "primary down");

        Assert.Equal(0, run.ExitCode);
        Assert.NotNull(arn);
        Assert.Contains("> Validate", run.Out, StringComparison.Ordinal);
        Assert.Contains("> ExecuteRecovery", run.Out, StringComparison.Ordinal);
        Assert.Contains("execution succeeded", run.Out, StringComparison.Ordinal);
        Assert.Contains("## Outcome: Recovered", run.Out, StringComparison.Ordinal);
        Assert.Contains("### RTO: 41.5 s measured to PromotionCompleted (target 60 s, budget 95 s)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failover_FollowedExecutionFails_ExitsOneWithTheError()
    {
        _drctl.StepFunctions.Setup(s => s.DescribeExecutionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string a, CancellationToken _) => new ExecutionDescription(
                a, DrctlHarness.Failover, "x", StepFunctionsExecutionStatus.Failed, DrctlHarness.Now, DrctlHarness.Now.AddSeconds(9),
                "{}", null, "AwsServiceException", "RDS FailoverGlobalCluster failed"));
        _drctl.History(
            new HistoryEvent(1, "ExecutionStarted", DrctlHarness.Now, null, null),
            new HistoryEvent(2, "TaskStateEntered", DrctlHarness.Now, "SwitchoverStart", null),
            new HistoryEvent(3, "TaskFailed", DrctlHarness.Now.AddSeconds(8), null, null, "AwsServiceException", "RDS FailoverGlobalCluster failed"),
            new HistoryEvent(4, "ExecutionFailed", DrctlHarness.Now.AddSeconds(9), null, null, "AwsServiceException", "RDS FailoverGlobalCluster failed"));

        var run = await _drctl.RunAsync("switchover", "--reason", "planned");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("TaskFailed: AwsServiceException", run.Out, StringComparison.Ordinal);
        Assert.Contains("| SwitchoverStart |", run.Out, StringComparison.Ordinal);
        Assert.Contains("## Failure", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_CtrlC_DetachesWithExit130AndLeavesTheExecutionRunning()
    {
        using var interrupt = new CancellationTokenSource();
        var arn = DrctlHarness.ExecutionArn(DrctlHarness.Failover, "running-1");
        _drctl.Describe(new ExecutionDescription(arn, DrctlHarness.Failover, "running-1", StepFunctionsExecutionStatus.Running, DrctlHarness.Now, null, "{}", null, null, null));
        _drctl.StepFunctions.Setup(s => s.GetExecutionHistoryAsync(It.IsAny<GetExecutionHistoryRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                interrupt.Cancel();
                return new ExecutionHistoryPage([new HistoryEvent(1, "TaskStateEntered", DrctlHarness.Now, "Validate", null)], null);
            });

        var run = await _drctl.RunAsync(interrupt.Token, "watch", "running-1");

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("Detached from running-1; it keeps running. Re-attach: drctl watch running-1", run.Out, StringComparison.Ordinal);
        _drctl.StepFunctions.Verify(s => s.StartExecutionAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Watch_UnknownExecution_OneLineAndExitThree()
    {
        _drctl.Describe();

        var run = await _drctl.RunAsync("watch", "no-such-run");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("drctl: unknown execution 'no-such-run': no execution of that name in dr-failover or dr-failback (Region ap-northeast-1).\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Watch_ArnOfAnotherRegion_OneLineNamingBothRegions()
    {
        var run = await _drctl.RunAsync("watch", "arn:aws:states:ap-east-2:111122223333:execution:dr-failover:x");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("drctl: execution 'x' is in Region ap-east-2, but drctl works in ap-northeast-1 (AWS_REGION, the recovery Region).\n", run.Error.ReplaceLineEndings("\n"));
    }
}
