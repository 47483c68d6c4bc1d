using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>Direct <c>/actuator/health</c> probes of a Region's application, made from the recovery Region.</summary>
internal interface IHealthProbe
{
    /// <summary>
    /// Probes <paramref name="site"/> with the configured attempts inside <paramref name="budget"/>: Healthy on the
    /// first UP, Unhealthy when every completed attempt failed, Unknown when no attempt completed in time.
    /// </summary>
    Task<HealthSignal> ProbeAsync(RegionSite site, TimeSpan budget, CancellationToken cancellationToken);
}
