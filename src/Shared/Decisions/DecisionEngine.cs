using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.Shared.Decisions;

/// <summary>The DR decision: one pure, deterministic function of <see cref="DecisionInput"/>.</summary>
public static class DecisionEngine
{
    /// <summary>
    /// Decides what the failover state machine does. Total for any well-formed input: it never throws
    /// for unusual evidence, it answers <see cref="DecisionAction.Escalate"/> or
    /// <see cref="DecisionAction.Abort"/> instead.
    /// </summary>
    public static Decision Decide(DecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = new DecisionContext(input);
        if (context.IsDryRun)
        {
            context.Add(ReasonCode.DryRun, ReasonTexts.DryRun(input.Trigger.RequestedBy));
        }

        if (input.ExtraSignals.Count > 0)
        {
            var extras = input.ExtraSignals;
            context.Add(
                ReasonCode.ExtraSignalsNotCounted,
                ReasonTexts.ExtraSignalsNotCounted(extras.Count, extras.Count(reading => reading.Verdict == Verdict.Unhealthy), extras.Count(reading => reading.Verdict == Verdict.Unknown)),
                extras.Select(Evidence.Of));
        }

        return input.Trigger.Kind == TriggerKind.Alarm ? DecideAlarm(context) : DecideManual(context);
    }

    private static Decision DecideAlarm(DecisionContext context)
    {
        var trigger = context.Input.Trigger;
        var alarms = context.Input.Configuration.Alarms;
        var topology = context.Topology;
        var alarmName = trigger.AlarmName ?? string.Empty;
        var state = trigger.AlarmState ?? AlarmState.InsufficientData;
        string[] evidence = [$"alarm:{alarmName} {AlarmStateNames.Of(state)}: {trigger.Reason}"];

        if (state != AlarmState.Alarm)
        {
            context.Add(ReasonCode.AlarmNotInAlarmState, ReasonTexts.AlarmNotInAlarmState(alarmName, state), evidence);
            return context.Finish(DecisionAction.None);
        }

        switch (alarms.RoleOf(alarmName))
        {
            case RegionRole.Primary:
                return PauseRule.StopAlarm(context, topology.Primary, topology.Secondary)
                    ?? MoveWriterPath.Decide(context, topology.Primary, topology.Secondary, MoveIntent.Automatic);
            case RegionRole.Secondary:
                return PauseRule.StopAlarm(context, topology.Secondary, topology.Primary)
                    ?? DrainPath.Decide(context, topology.Secondary, topology.Primary);
        }

        context.Add(ReasonCode.AlarmNotManaged, ReasonTexts.AlarmNotManaged(alarmName), evidence);
        return context.Finish(DecisionAction.None);
    }

    private static Decision DecideManual(DecisionContext context)
    {
        var trigger = context.Input.Trigger;
        var topology = context.Topology;
        var named = trigger.TargetRegion;
        var target = topology.Find(named);
        PauseRule.NoteForManual(context);

        if (named is not null && target is null)
        {
            context.Add(ReasonCode.TargetRegionInvalid, ReasonTexts.TargetRegionNotManaged(named, topology.Primary.Region, topology.Secondary.Region));
            return context.Finish(DecisionAction.Abort);
        }

        switch (trigger.Mode)
        {
            case TriggerMode.Failback when target is not null && target != topology.Primary:
                context.Add(ReasonCode.TargetRegionInvalid, ReasonTexts.FailbackTargetNotPrimary(target.Region, topology.Primary.Region));
                return context.Finish(DecisionAction.Abort);
            case TriggerMode.Failback:
                return MoveWriterPath.Decide(context, topology.Secondary, topology.Primary, MoveIntent.Failback);
            case TriggerMode.Failover or TriggerMode.Switchover:
                var chosen = target ?? DefaultTarget(context);
                var intent = trigger.Mode == TriggerMode.Failover ? MoveIntent.Failover : MoveIntent.Switchover;
                return MoveWriterPath.Decide(context, topology.Other(chosen), chosen, intent);
            case TriggerMode.DryRun when target is not null:
                return MoveWriterPath.Decide(context, topology.Other(target), target, MoveIntent.Failover);
            default:
                return MoveWriterPath.Decide(context, topology.Primary, topology.Secondary, MoveIntent.Automatic);
        }
    }

    /// <summary>Without a named target, move away from the current writer (the secondary when the writer is unknown).</summary>
    private static RegionSite DefaultTarget(DecisionContext context)
    {
        var writer = context.Topology.Find(context.Input.GlobalCluster.Writer?.Region);
        return writer is null ? context.Topology.Secondary : context.Topology.Other(writer);
    }
}
