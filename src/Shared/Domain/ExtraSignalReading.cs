namespace DrLambdas.Shared.Domain;

/// <summary>
/// What an extra health signal's alarm said (<see cref="Configuration.ExtraSignal"/>): <see cref="Verdict.Healthy"/> for
/// OK, <see cref="Verdict.Unhealthy"/> for ALARM, <see cref="Verdict.Unknown"/> for INSUFFICIENT_DATA, a missing alarm
/// or one that could not be read (an alarm inside a failed Region).
/// </summary>
/// <param name="Kind">The declared kind, e.g. <c>msk-replication-lag</c>.</param>
/// <param name="AlarmName">The alarm.</param>
/// <param name="Region">The Region the alarm lives in and speaks about.</param>
/// <param name="Verdict">What its state means.</param>
/// <param name="Detail">The state and its reason, or why it could not be read.</param>
/// <param name="ObservedAt">When it was read.</param>
public sealed record ExtraSignalReading(
    string Kind,
    string AlarmName,
    string Region,
    Verdict Verdict,
    string Detail,
    DateTimeOffset ObservedAt);
