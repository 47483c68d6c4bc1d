using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Pause;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// The operator's pause of automatic failover: an alarm-started execution does nothing while it is active and hands
/// over to a human when it cannot be read (acting could override a pause; doing nothing could ignore an outage).
/// Manual requests act regardless; the pause is only noted.
/// </summary>
internal static class PauseRule
{
    /// <summary>The decision of an alarm-started execution that the pause stops, or null when it may proceed.</summary>
    public static Decision? StopAlarm(DecisionContext context, RegionSite from, RegionSite to)
    {
        var pause = context.Input.Pause ?? PauseState.NotConfigured;
        switch (pause.Status)
        {
            case PauseStatus.Active:
                context.Add(ReasonCode.AutomaticFailoverPaused, ReasonTexts.AutomaticFailoverPaused(pause.Document!), [pause.Evidence()]);
                return context.Finish(DecisionAction.None);
            case PauseStatus.Unreadable:
                context.Add(ReasonCode.PauseStateUnknown, ReasonTexts.PauseStateUnknown(pause.ParameterName!, pause.Problem!), [pause.Evidence()]);
                return context.Finish(DecisionAction.Escalate, from, to);
            default:
                return null;
        }
    }

    /// <summary>Notes an active pause that a manual request acts through.</summary>
    public static void NoteForManual(DecisionContext context)
    {
        if (context.Input.Pause is { IsActive: true } pause)
        {
            context.Add(ReasonCode.PauseDoesNotApplyToManualRequest,
                ReasonTexts.PauseDoesNotApplyToManualRequest(pause.Document!, context.Input.Trigger.RequestedBy), [pause.Evidence()]);
        }
    }
}
