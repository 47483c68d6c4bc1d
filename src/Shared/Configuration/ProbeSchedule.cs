namespace DrLambdas.Shared.Configuration;

/// <summary>
/// The scheduled <c>probe</c> operation (contract K6): each invocation probes both Regions every
/// <paramref name="Interval"/> for <paramref name="Duration"/> and publishes one <c>EndpointHealthy</c> datapoint per
/// probe into <paramref name="MetricRegion"/>; <c>assess</c> reads the last <paramref name="Window"/> of every observer.
/// </summary>
/// <param name="Interval">Time between two probes of each Region.</param>
/// <param name="Duration">How long one invocation probes (its minute: EventBridge Scheduler's finest rate).</param>
/// <param name="Window">How far back <c>assess</c> reads each observer's metric.</param>
/// <param name="MetricRegion">The recovery Region, where the metric is published and read; null = the Region the function runs in.</param>
/// <param name="WitnessRegion">The third Region whose probes are an outside observer; null when no witness is deployed.</param>
public sealed record ProbeSchedule(TimeSpan Interval, TimeSpan Duration, TimeSpan Window, string? MetricRegion, string? WitnessRegion)
{
    /// <summary>The documented defaults: every 5 s for 60 s, a 30 s window, no witness.</summary>
    public static ProbeSchedule Default { get; } = new(
        TimeSpan.FromSeconds(ConfigurationDefaults.ProbeIntervalSeconds),
        TimeSpan.FromSeconds(ConfigurationDefaults.ProbeDurationSeconds),
        TimeSpan.FromSeconds(ConfigurationDefaults.ProbeWindowSeconds),
        null,
        null);

    /// <summary>The Region the metric goes to when the function runs in <paramref name="runningIn"/>.</summary>
    public string MetricRegionFor(string runningIn) => MetricRegion ?? runningIn;

    /// <summary>The observers whose metric <c>assess</c> reads: the recovery Region, then the witness if any.</summary>
    public IReadOnlyList<string> ObserversFor(string recoveryRegion) =>
        WitnessRegion is { } witness && !string.Equals(witness, recoveryRegion, StringComparison.Ordinal)
            ? [recoveryRegion, witness]
            : [recoveryRegion];
}
