using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Domain;

/// <summary>An independent kind of evidence about a Region; quorum counts kinds, not signals.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalKind>))]
public enum SignalKind
{
    /// <summary>
    /// A direct <c>/actuator/health</c> probe, whoever made it: the recovery Region's own probe, the scheduled probes of
    /// the recovery and witness Regions read back from their metric, and an alarm on that metric are one source.
    /// </summary>
    Probe,

    /// <summary>
    /// A Route 53 health check, evaluated by checkers around the world; an alarm on its <c>HealthCheckStatus</c>
    /// metric is the same source and counts as this kind (<see cref="SignalSources"/>).
    /// </summary>
    Route53HealthCheck,

    /// <summary>A CloudWatch alarm on anything but Route 53's health-check metric.</summary>
    Alarm,

    /// <summary>Reachability of the Region's RDS endpoint.</summary>
    DatabaseEndpoint,
}
