using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Tests.Support;

namespace DrLambdas.Drctl.Tests.Commands;

public sealed class HistoryAndReportCommandTests : IDisposable
{
    private const string Document = """
        {"trigger":{"mode":"failover","reason":"primary down","force":true,"requestedBy":"arn:aws:sts::111122223333:assumed-role/DrOperators/alice@example.com"},
         "assessment":{"incidentId":"dr-run-1","decision":{"action":"Failover","failedRegion":"ap-east-2","targetRegion":"ap-northeast-1","allowDataLoss":true,"estimatedDataLossSeconds":2.5,"forced":true,"dryRun":false,"reasons":[]}},
         "approvalGate":{"approval":{"approvedBy":"arn:aws:iam::111122223333:user/carol","reason":"loss accepted","approvedAt":"2026-12-03T04:00:01.000Z"}},
         "report":{"outcome":"Recovered","subject":"s","checks":[],"timeline":[],"rto":{"measuredSeconds":48.2,"targetSeconds":60,"budgetSeconds":95,"breakdown":[],"measuredTo":"PromotionCompleted"},
           "dataLoss":{"estimatedSeconds":2.5,"allowed":true,"basis":"lag"},"pin":{"state":"Landed","detail":"d"}}}
        """;

    private readonly DrctlHarness _drctl = new();
    private readonly string _svg = Path.Combine(Path.GetTempPath(), $"drctl-{Guid.NewGuid():N}.svg");
    private readonly string _arn = DrctlHarness.ExecutionArn(DrctlHarness.Failover, "run-1");

    public HistoryAndReportCommandTests()
    {
        _drctl.Executions(
            new ExecutionSummary(_arn, DrctlHarness.Failover, "run-1", StepFunctionsExecutionStatus.Succeeded, DrctlHarness.Now.AddHours(-1), DrctlHarness.Now.AddMinutes(-59)),
            new ExecutionSummary(DrctlHarness.ExecutionArn(DrctlHarness.Failback, "back-1"), DrctlHarness.Failback, "back-1", StepFunctionsExecutionStatus.Failed, DrctlHarness.Now.AddMinutes(-10), DrctlHarness.Now.AddMinutes(-9)));
        _drctl.Describe(
            new ExecutionDescription(_arn, DrctlHarness.Failover, "run-1", StepFunctionsExecutionStatus.Succeeded, DrctlHarness.Now.AddHours(-1), DrctlHarness.Now.AddMinutes(-59), "{}", Document, null, null),
            new ExecutionDescription(DrctlHarness.ExecutionArn(DrctlHarness.Failback, "back-1"), DrctlHarness.Failback, "back-1", StepFunctionsExecutionStatus.Failed,
                DrctlHarness.Now.AddMinutes(-10), DrctlHarness.Now.AddMinutes(-9), """{"source":"aws.events"}""", null, "HealthGateFailedException", "regression"));
        _drctl.History(
            new HistoryEvent(1, "ExecutionStarted", DrctlHarness.Now.AddHours(-1), null, null),
            new HistoryEvent(2, "TaskStateEntered", DrctlHarness.Now.AddHours(-1), "Validate", null),
            new HistoryEvent(3, "TaskStateExited", DrctlHarness.Now.AddHours(-1).AddSeconds(2), "Validate", "{}"),
            new HistoryEvent(4, "ExecutionSucceeded", DrctlHarness.Now.AddMinutes(-59), null, "{}"));
    }

    [Fact]
    public async Task History_BothMachines_NewestFirstWithDecisionOutcomeRtoLossAndWho()
    {
        var run = await _drctl.RunAsync("history", "--json");

        Assert.Equal(0, run.ExitCode);
        var executions = run.Json.GetProperty("executions");
        Assert.Equal("back-1", executions[0].GetProperty("name").GetString());
        Assert.Equal("schedule", executions[0].GetProperty("startedBy").GetString());
        Assert.Equal("HealthGateFailedException", executions[0].GetProperty("error").GetString());
        var failover = executions[1];
        Assert.Equal("Failover", failover.GetProperty("decision").GetString());
        Assert.Equal("Recovered", failover.GetProperty("outcome").GetString());
        Assert.Equal(48.2, failover.GetProperty("rtoSeconds").GetDouble());
        Assert.Equal(2.5, failover.GetProperty("dataLossSeconds").GetDouble());
        Assert.Equal(DrctlHarness.Operator, failover.GetProperty("startedBy").GetString());
    }

    [Fact]
    public async Task History_Human_OneRowPerExecution()
    {
        var run = await _drctl.RunAsync("history");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("run-1", run.Out, StringComparison.Ordinal);
        Assert.Contains("48.2 s", run.Out, StringComparison.Ordinal);
        Assert.Contains("back-1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Execution_MarkdownWithApprovalAndSvgTimeline()
    {
        var run = await _drctl.RunAsync("report", "run-1", "--svg", _svg);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# Incident report dr-run-1", run.Out, StringComparison.Ordinal);
        Assert.Contains("- **Started by:** arn:aws:sts::111122223333:assumed-role/DrOperators/alice@example.com (manual `failover`, forced)", run.Out, StringComparison.Ordinal);
        Assert.Contains("- **approvedBy:** arn:aws:iam::111122223333:user/carol", run.Out, StringComparison.Ordinal);
        Assert.Contains("| Validate | 2026-12-03T04:00:00.000Z | 2.0 s |  |", run.Out, StringComparison.Ordinal);
        var svg = await File.ReadAllTextAsync(_svg);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains(">Validate</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ApprovedExecution_SvgMarksTheApprovalWithTheApprover()
    {
        await _drctl.RunAsync("report", "run-1", "--svg", _svg);

        var svg = await File.ReadAllTextAsync(_svg);
        Assert.Contains("stroke-dasharray=\"4 3\"", svg, StringComparison.Ordinal);
        Assert.Contains(">approved by arn:aws:iam::111122223333:user/carol</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownExecution_OneLineExitThree()
    {
        var run = await _drctl.RunAsync("report", "nope");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("drctl: unknown execution 'nope'", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    public void Dispose() => File.Delete(_svg);
}
