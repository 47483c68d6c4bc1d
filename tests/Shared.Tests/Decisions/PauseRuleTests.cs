using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Pause;
using DrLambdas.Shared.Tests.Support;
using DrLambdas.Shared.Triggers;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Decisions;

public class PauseRuleTests
{
    private const string Name = "/drlambdas/dr/pause";
    private const string Alice = "arn:aws:sts::111122223333:assumed-role/dr-operator/alice";

    private static PauseState Paused(DateTimeOffset now, double hoursLeft = 1) =>
        PauseState.Of(Name, new PauseDocument(Alice, "region evacuation drill", Scenario.T0.AddHours(-1), Scenario.T0.AddHours(hoursLeft)).ToJson(), now);

    private static Scenario Outage(Func<DateTimeOffset, PauseState> pause)
    {
        var scenario = Scenario.PrimaryOutage();
        return scenario with { Pause = pause(scenario.Now) };
    }

    [Fact]
    public void Decide_AlarmDuringActivePause_NoneWithThePauseReasonOnly()
    {
        var decision = Outage(now => Paused(now)).Decide();

        Assert.Equal(DecisionAction.None, decision.Action);
        Assert.Equal([ReasonCode.AutomaticFailoverPaused], decision.Reasons.Select(reason => reason.Code));
    }

    [Fact]
    public void Decide_AlarmDuringActivePause_ReasonNamesWhoWhenWhyAndUntil()
    {
        var reason = Assert.Single(Outage(now => Paused(now)).Decide().Reasons);

        Assert.Contains(Alice, reason.Message, StringComparison.Ordinal);
        Assert.Contains("since 2026-11-25T23:00:00Z", reason.Message, StringComparison.Ordinal);
        Assert.Contains("until 2026-11-26T01:00:00Z", reason.Message, StringComparison.Ordinal);
        Assert.Contains("region evacuation drill", reason.Message, StringComparison.Ordinal);
        Assert.StartsWith("pause:/drlambdas/dr/pause active", Assert.Single(reason.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SecondaryAlarmDuringActivePause_DoesNotDrain()
    {
        var scenario = Scenario.SecondaryOutage();

        var decision = (scenario with { Pause = Paused(scenario.Now) }).Decide();

        Assert.Equal(DecisionAction.None, decision.Action);
        Assert.Equal(ReasonCode.AutomaticFailoverPaused, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void Decide_AlarmWithUnreadablePause_Escalates()
    {
        var decision = Outage(_ => PauseState.Unreadable(Name, "AccessDeniedException: not authorized to perform: ssm:GetParameter")).Decide();

        Assert.Equal(DecisionAction.Escalate, decision.Action);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.PauseStateUnknown, reason.Code);
        Assert.Contains("ssm:GetParameter", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AlarmWithMalformedPause_Escalates()
    {
        var decision = Outage(now => PauseState.Of(Name, "{\"pausedBy\":", now)).Decide();

        Assert.Equal((DecisionAction.Escalate, ReasonCode.PauseStateUnknown), (decision.Action, Assert.Single(decision.Reasons).Code));
    }

    [Fact]
    public void Decide_AlarmWithExpiredPause_ActsAsUnpaused()
    {
        var paused = Outage(now => Paused(now, hoursLeft: 0)).Decide();
        var unpaused = Scenario.PrimaryOutage().Decide();

        Assert.Equal(unpaused.Action, paused.Action);
        Assert.Equal(unpaused.Reasons.Select(r => r.Code), paused.Reasons.Select(r => r.Code));
        Assert.True(paused.MovesWriter);
    }

    [Fact]
    public void Decide_AlarmBackToOkWithUnreadablePause_NoneNotEscalate()
    {
        var scenario = Scenario.PrimaryOutage() with
        {
            Trigger = Trigger.FromAlarm(PrimaryAlarm, AlarmState.Ok, AlarmState.Alarm, "Threshold no longer crossed", Nrt, Scenario.T0),
            Pause = PauseState.Unreadable(Name, "timeout"),
        };

        var decision = scenario.Decide();

        Assert.Equal((DecisionAction.None, ReasonCode.AlarmNotInAlarmState), (decision.Action, Assert.Single(decision.Reasons).Code));
    }

    [Fact]
    public void Decide_ManualFailoverDuringActivePause_StillActsAndNotesThePause()
    {
        var scenario = Scenario.PrimaryOutage() with { Trigger = Scenario.Manual(TriggerMode.Failover) };
        var unpaused = scenario.Decide();

        var decision = (scenario with { Pause = Paused(scenario.Now) }).Decide();

        Assert.Equal(unpaused.Action, decision.Action);
        Assert.True(decision.MovesWriter);
        Assert.Equal(ReasonCode.PauseDoesNotApplyToManualRequest, decision.Reasons[0].Code);
        Assert.Equal(unpaused.Reasons.Select(r => r.Code), decision.Reasons.Skip(1).Select(r => r.Code));
    }

    [Fact]
    public void Decide_ManualFailoverWithUnreadablePause_ActsWithoutAPauseReason()
    {
        var scenario = Scenario.PrimaryOutage() with { Trigger = Scenario.Manual(TriggerMode.Failover) };

        var decision = (scenario with { Pause = PauseState.Unreadable(Name, "timeout") }).Decide();

        Assert.Equal(scenario.Decide().Action, decision.Action);
        Assert.DoesNotContain(decision.Reasons, reason => reason.Code is ReasonCode.PauseStateUnknown or ReasonCode.PauseDoesNotApplyToManualRequest);
    }

    [Fact]
    public void Decide_ActivePause_DecisionCarriesThePauseState()
    {
        var pause = Paused(Scenario.PrimaryOutage().Now);

        var decision = (Scenario.PrimaryOutage() with { Pause = pause }).Decide();

        Assert.Same(pause, decision.Pause);
    }
}
