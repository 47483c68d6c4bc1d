namespace DrLambdas.Shared.Domain;

/// <summary>
/// The probe metric of contract K6: <c>DrLambdas/Probes</c> / <c>EndpointHealthy</c> (1 healthy, 0 not), one series per
/// observer Region and probed Region, stored at 1-second resolution in the recovery Region.
/// </summary>
public static class ProbeMetric
{
    /// <summary>The custom namespace the probes publish into.</summary>
    public const string Namespace = "DrLambdas/Probes";

    /// <summary>The metric name: 1 when the probed endpoint answered UP, 0 otherwise.</summary>
    public const string MetricName = "EndpointHealthy";

    /// <summary>The dimension naming the Region the probe ran in.</summary>
    public const string ObserverDimension = "Observer";

    /// <summary>The dimension naming the Region whose endpoint was probed.</summary>
    public const string TargetDimension = "Target";

    /// <summary>High-resolution storage: the alarms evaluate 10-second periods.</summary>
    public const int StorageResolutionSeconds = 1;
}
