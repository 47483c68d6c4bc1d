using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Where the DNS pin of a failover goes. Normally off the critical path: Route 53's checkers leave the failed
/// Region out of DNS answers on the data plane, so the promotion does not wait for the pin. When they see it
/// healthy (a gray failure), or when no health check watches it at all, the pin is the only thing that drains
/// the Region and fences it against new writes, so it must land before the promotion. A watched Region whose
/// verdict cannot be read (the Route 53 API is impaired) is not drained first: the checkers judge it on the data
/// plane whatever the API does, and the failover must not depend on the control plane.
/// </summary>
public static class PinOrderRule
{
    /// <summary>Whether the pin must land before the promotion.</summary>
    /// <param name="failed">Every observation of the Region being left.</param>
    /// <param name="watchedByRoute53">A health check (or a health-check alarm) is configured for it.</param>
    public static bool DrainFirst(RegionHealth failed, bool watchedByRoute53)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return failed.VoteOf(SignalKind.Route53HealthCheck) switch
        {
            Verdict.Unhealthy => false,
            Verdict.Healthy => true,
            _ => !watchedByRoute53,
        };
    }
}
