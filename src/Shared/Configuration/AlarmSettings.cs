using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Configuration;

/// <summary>
/// Which CloudWatch alarms mean what: the one source of truth for every alarm the EventBridge rule forwards
/// (<c>docs/contracts.md</c> section 2).
/// </summary>
/// <param name="PrimaryFailureAlarms">Alarms in the recovery Region that signal a primary failure.</param>
/// <param name="SecondaryFailureAlarms">Alarms in the recovery Region that signal a secondary failure.</param>
/// <param name="StateMachineArn">The failover state machine, if configured.</param>
/// <param name="PrimaryHealthCheckAlarm">The alarm on the primary's Route 53 <c>HealthCheckStatus</c>, if configured.</param>
/// <param name="SecondaryHealthCheckAlarm">The alarm on the secondary's Route 53 <c>HealthCheckStatus</c>, if configured.</param>
/// <param name="HealthCheckAlarmRegion">Where the health-check alarms live: Route 53 publishes its metrics only in us-east-1.</param>
public sealed record AlarmSettings(
    IReadOnlyList<string> PrimaryFailureAlarms,
    IReadOnlyList<string> SecondaryFailureAlarms,
    string? StateMachineArn,
    string? PrimaryHealthCheckAlarm = null,
    string? SecondaryHealthCheckAlarm = null,
    string HealthCheckAlarmRegion = ConfigurationDefaults.HealthCheckAlarmRegion)
{
    /// <summary>The probe alarm about the primary (recovery Region): fires when observers in two Regions agree.</summary>
    public string? PrimaryProbeAlarm { get; init; }

    /// <summary>The probe alarm about the secondary (recovery Region).</summary>
    public string? SecondaryProbeAlarm { get; init; }

    /// <summary>The extra health signals of the primary, alarms in the primary Region (<see cref="ExtraSignal"/>).</summary>
    public IReadOnlyList<ExtraSignal> PrimaryExtraSignals { get; init; } = [];

    /// <summary>The extra health signals of the secondary, alarms in the secondary Region.</summary>
    public IReadOnlyList<ExtraSignal> SecondaryExtraSignals { get; init; } = [];

    /// <summary>The extra health signals of a Region's role; they live in that Region.</summary>
    public IReadOnlyList<ExtraSignal> ExtraSignalsOf(RegionRole role) => role == RegionRole.Primary ? PrimaryExtraSignals : SecondaryExtraSignals;

    /// <summary>
    /// The Region <paramref name="alarmName"/> speaks about, or null when it is not managed here. Every alarm the
    /// EventBridge rule forwards is managed: a failure, health-check or probe alarm of either Region. Extra signals are
    /// not: they never start or steer a failover.
    /// </summary>
    public RegionRole? RoleOf(string alarmName) =>
        PrimaryFailureAlarms.Contains(alarmName, StringComparer.Ordinal)
        || string.Equals(alarmName, PrimaryHealthCheckAlarm, StringComparison.Ordinal)
        || string.Equals(alarmName, PrimaryProbeAlarm, StringComparison.Ordinal)
            ? RegionRole.Primary
            : SecondaryFailureAlarms.Contains(alarmName, StringComparer.Ordinal)
              || string.Equals(alarmName, SecondaryHealthCheckAlarm, StringComparison.Ordinal)
              || string.Equals(alarmName, SecondaryProbeAlarm, StringComparison.Ordinal)
                ? RegionRole.Secondary
                : null;

    /// <summary>The probe alarm of a Region's role, if configured; it is the probes speaking again (<see cref="SignalKind.Probe"/>).</summary>
    public string? ProbeAlarmOf(RegionRole role) => role == RegionRole.Primary ? PrimaryProbeAlarm : SecondaryProbeAlarm;

    /// <summary>The health-check alarm of a Region's role, if configured.</summary>
    public string? HealthCheckAlarmOf(RegionRole role) => role == RegionRole.Primary ? PrimaryHealthCheckAlarm : SecondaryHealthCheckAlarm;

    /// <summary>The failure alarms (recovery Region) of a Region's role.</summary>
    public IReadOnlyList<string> FailureAlarmsOf(RegionRole role) => role == RegionRole.Primary ? PrimaryFailureAlarms : SecondaryFailureAlarms;
}
