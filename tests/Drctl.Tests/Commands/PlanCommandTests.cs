using DrLambdas.Drctl.Tests.Support;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Rto;
using DrLambdas.Shared.Triggers;
using Moq;

namespace DrLambdas.Drctl.Tests.Commands;

public sealed class PlanCommandTests
{
    private readonly DrctlHarness _drctl = new();

    private static AssessResponse Escalation() => new(
        "dr-drctl-plan-1",
        DrctlHarness.Now,
        new TriggerSummary(TriggerKind.Manual, TriggerMode.DryRun, null, "drctl plan", DrctlHarness.Operator, false),
        new DecisionDocument(
            DecisionAction.Escalate, Worlds.Primary, Worlds.Secondary, Worlds.SecondaryCluster, "drlab-global",
            AllowDataLoss: false, EstimatedDataLossSeconds: 12.5, Forced: false, DryRun: true,
            [new Reason(ReasonCode.DataLossBeyondBudget, "RPO lag 12.5 s is over the 5 s budget", ["AuroraGlobalDBRPOLag 12.5 s at 04:59:40Z"])]),
        [],
        [new HealthSignal(SignalKind.Probe, Worlds.Primary, Worlds.Secondary, Verdict.Unhealthy, "timeout", DrctlHarness.Now)],
        new RtoBudget(60, 95, false, [], "detection 90 s + promotion 5 s"),
        new Notice("DrLambdas: Escalate", "body"),
        412);

    [Fact]
    public async Task Plan_Escalation_PrintsTheDecisionEveryReasonAndItsEvidence()
    {
        _drctl.World.Setup(w => w.AssessDryRunAsync(DrctlHarness.Operator, "drctl plan", It.IsAny<CancellationToken>())).ReturnsAsync(Escalation());

        var run = await _drctl.RunAsync("plan");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("would decide Escalate from ap-east-2 to ap-northeast-1", run.Out, StringComparison.Ordinal);
        Assert.Contains("DataLossBeyondBudget: RPO lag 12.5 s is over the 5 s budget", run.Out, StringComparison.Ordinal);
        Assert.Contains("AuroraGlobalDBRPOLag 12.5 s at 04:59:40Z", run.Out, StringComparison.Ordinal);
        Assert.Contains("nothing is changed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Json_IsTheAssessOutput()
    {
        _drctl.World.Setup(w => w.AssessDryRunAsync(DrctlHarness.Operator, "drctl plan", It.IsAny<CancellationToken>())).ReturnsAsync(Escalation());

        var run = await _drctl.RunAsync("plan", "--json");

        var decision = run.Json.GetProperty("decision");
        Assert.Equal("Escalate", decision.GetProperty("action").GetString());
        Assert.True(decision.GetProperty("dryRun").GetBoolean());
        Assert.Equal("DataLossBeyondBudget", decision.GetProperty("reasons")[0].GetProperty("code").GetString());
    }
}
