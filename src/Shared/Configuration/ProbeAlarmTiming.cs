namespace DrLambdas.Shared.Configuration;

/// <summary>
/// How fast the probe alarm can start a failover (an input of the write RTO budget): a failing probe within
/// <paramref name="ProbeInterval"/>, then <paramref name="DatapointsToAlarm"/> breaching periods of
/// <paramref name="Period"/>.
/// </summary>
/// <param name="ProbeInterval">Seconds between two probes of each Region.</param>
/// <param name="Period">The high-resolution alarm period (10, 20 or 30 s).</param>
/// <param name="DatapointsToAlarm">M of the alarm's M of N.</param>
public sealed record ProbeAlarmTiming(TimeSpan ProbeInterval, TimeSpan Period, int DatapointsToAlarm);
