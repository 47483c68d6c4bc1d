using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Where the DNS pin of a failover goes. Normally off the critical path: Route 53's checkers already leave the
/// failed Region out of DNS answers, so the promotion does not wait for the pin. When they do not see it
/// unhealthy (a gray failure, or no health check to say so), the pin is the only thing that drains the Region
/// and fences it against new writes, so it must land before the promotion.
/// </summary>
public static class PinOrderRule
{
    /// <summary>Whether the pin must land before the promotion: Route 53's majority verdict on the failed Region is not Unhealthy.</summary>
    public static bool DrainFirst(RegionHealth failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return failed.VoteOf(SignalKind.Route53HealthCheck) != Verdict.Unhealthy;
    }
}
