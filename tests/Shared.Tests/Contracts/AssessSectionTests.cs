using DrLambdas.Shared.Pause;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>The <c>trigger</c> and <c>decision</c> sections built from the core's trigger and decision.</summary>
public class AssessSectionTests
{
    [Fact]
    public void TriggerSummaryOf_AlarmTrigger_CopiesWhatTheReportShows()
    {
        var trigger = Trigger.FromAlarm("app-tpe-down", AlarmState.Alarm, AlarmState.Ok, "Threshold Crossed", "ap-northeast-1", ContractSamples.T0);

        var summary = TriggerSummary.Of(trigger);

        Assert.Equal(new TriggerSummary(TriggerKind.Alarm, TriggerMode.Automatic, "app-tpe-down", "Threshold Crossed", null, Force: false), summary);
    }

    [Fact]
    public void TriggerSummaryOf_ForcedManualTrigger_CopiesRequesterAndForce()
    {
        var trigger = Trigger.FromManual(TriggerMode.Switchover, "ap-northeast-1", "maintenance", force: true, "bob");

        var summary = TriggerSummary.Of(trigger);

        Assert.Equal(new TriggerSummary(TriggerKind.Manual, TriggerMode.Switchover, null, "maintenance", "bob", Force: true), summary);
    }

    [Fact]
    public void TriggerSummaryOf_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => TriggerSummary.Of(null!));
    }

    [Fact]
    public void DecisionDocumentOf_Decision_CopiesEveryRoutedMember()
    {
        Reason[] reasons = [ContractSamples.QuorumReason];
        var decision = new Decision(
            DecisionAction.Failover, "ap-east-2", "ap-northeast-1", ContractSamples.NrtClusterArn, "app-global",
            AllowDataLoss: true, EstimatedDataLossSeconds: 0.8, Forced: true, DryRun: true, IsFailback: false, reasons);

        var document = DecisionDocument.Of(decision);

        Assert.Equal(
            new DecisionDocument(DecisionAction.Failover, "ap-east-2", "ap-northeast-1", ContractSamples.NrtClusterArn, "app-global", true, 0.8, true, true, reasons,
                Pause: new PauseSummary(PauseStatus.NotConfigured, null, null, null, null, null, null)),
            document);
    }

    [Fact]
    public void DecisionDocumentOf_PausedDecision_CarriesWhoWhenWhyAndUntil()
    {
        var pausedAt = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
        var pause = PauseState.Of("/drlambdas/dr/pause", new PauseDocument("alice", "drill", pausedAt, pausedAt.AddHours(1)).ToJson(), pausedAt);
        var decision = new Decision(DecisionAction.None, null, null, null, "app-global", false, null, false, false, false, [], Pause: pause);

        var document = DecisionDocument.Of(decision);

        Assert.Equal(new PauseSummary(PauseStatus.Active, "/drlambdas/dr/pause", "alice", "drill", pausedAt, pausedAt.AddHours(1), null), document.Pause);
    }

    [Fact]
    public void DecisionDocumentOf_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => DecisionDocument.Of(null!));
    }
}
