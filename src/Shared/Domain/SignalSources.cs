namespace DrLambdas.Shared.Domain;

/// <summary>
/// Which kind of evidence an alarm is. Quorum counts independent sources, so an alarm on Route 53's own
/// <c>HealthCheckStatus</c> metric is the Route 53 health checkers speaking a second time: it belongs to
/// <see cref="SignalKind.Route53HealthCheck"/>, never to a kind of its own. Likewise an alarm on the probes' own metric
/// (<see cref="ProbeMetric"/>) is the probes speaking again: <see cref="SignalKind.Probe"/>, whoever the observer.
/// </summary>
public static class SignalSources
{
    /// <summary>The namespace of Route 53's metrics.</summary>
    public const string Route53Namespace = "AWS/Route53";

    /// <summary>The metric Route 53 publishes per health check (1 healthy, 0 unhealthy).</summary>
    public const string HealthCheckStatusMetric = "HealthCheckStatus";

    /// <summary>The kind of an alarm watching <paramref name="metricNamespace"/>/<paramref name="metricName"/>.</summary>
    public static SignalKind KindOfAlarm(string? metricNamespace, string? metricName) =>
        string.Equals(metricNamespace, Route53Namespace, StringComparison.Ordinal)
        && string.Equals(metricName, HealthCheckStatusMetric, StringComparison.Ordinal)
            ? SignalKind.Route53HealthCheck
            : string.Equals(metricNamespace, ProbeMetric.Namespace, StringComparison.Ordinal)
                ? SignalKind.Probe
                : SignalKind.Alarm;
}
