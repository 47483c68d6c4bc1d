namespace DrLambdas.Shared.Triggers;

/// <summary>
/// Why an execution runs: an alarm state change or an operator's request. Build one with
/// <see cref="TriggerParser.Parse(string)"/>, or with <see cref="FromAlarm"/> / <see cref="FromManual"/>.
/// </summary>
/// <param name="Kind">Alarm or manual.</param>
/// <param name="Mode">What is asked for; alarms are always <see cref="TriggerMode.Automatic"/>.</param>
/// <param name="AlarmName">The alarm's name (alarm triggers only).</param>
/// <param name="AlarmState">The alarm's new state (alarm triggers only).</param>
/// <param name="PreviousAlarmState">The alarm's previous state, when reported.</param>
/// <param name="SourceRegion">The Region the event came from (alarm triggers only).</param>
/// <param name="OccurredAt">When the alarm changed state (alarm triggers only).</param>
/// <param name="TargetRegion">The Region the operator wants to move to, if named.</param>
/// <param name="Reason">The operator's reason, or the alarm's state reason.</param>
/// <param name="Force">The operator's override of the data-loss budget, cooldown and quorum gates.</param>
/// <param name="RequestedBy">Who asked (manual triggers only).</param>
public sealed record Trigger(
    TriggerKind Kind,
    TriggerMode Mode,
    string? AlarmName,
    AlarmState? AlarmState,
    AlarmState? PreviousAlarmState,
    string? SourceRegion,
    DateTimeOffset? OccurredAt,
    string? TargetRegion,
    string? Reason,
    bool Force,
    string? RequestedBy)
{
    /// <summary>An alarm state change.</summary>
    public static Trigger FromAlarm(
        string alarmName,
        AlarmState state,
        AlarmState? previousState,
        string? reason,
        string sourceRegion,
        DateTimeOffset occurredAt) =>
        new(TriggerKind.Alarm, TriggerMode.Automatic, alarmName, state, previousState, sourceRegion, occurredAt,
            TargetRegion: null, reason, Force: false, RequestedBy: null);

    /// <summary>An operator's request.</summary>
    public static Trigger FromManual(TriggerMode mode, string? targetRegion, string reason, bool force, string requestedBy) =>
        new(TriggerKind.Manual, mode, AlarmName: null, AlarmState: null, PreviousAlarmState: null, SourceRegion: null,
            OccurredAt: null, targetRegion, reason, force, requestedBy);
}
