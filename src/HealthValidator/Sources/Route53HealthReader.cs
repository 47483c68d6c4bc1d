using System.Globalization;
using DrLambdas.Aws.Route53;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// Route 53 <c>GetHealthCheckStatus</c> of a Region's health check, judged as Route 53 judges it: healthy while
/// more than 18 % of the checkers report success.
/// </summary>
internal sealed class Route53HealthReader(IRoute53Client route53, SourceRunner runner, TimeProvider timeProvider)
{
    /// <summary>Route 53 considers an endpoint healthy when more than this fraction of checkers do.</summary>
    public const double HealthyFraction = 0.18;

    /// <summary>The signal of <paramref name="site"/>'s health check, or null when none is configured.</summary>
    public async Task<HealthSignal?> ReadAsync(RegionSite site, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (site.HealthCheckId is not { } healthCheckId)
        {
            return null;
        }

        var result = await runner.RunAsync(ct => route53.GetHealthCheckStatusAsync(healthCheckId, ct), timeout, cancellationToken);
        return result.Succeeded
            ? Judge(site, result.Value!)
            : Signal(site, Verdict.Unknown, $"health check {healthCheckId} unreadable: {result.Failure}");
    }

    private HealthSignal Judge(RegionSite site, IReadOnlyList<HealthCheckObservation> observations)
    {
        if (observations.Count == 0)
        {
            return Signal(site, Verdict.Unknown, $"health check {site.HealthCheckId} has no checker observations");
        }

        var healthy = observations.Count(observation => observation.IsHealthy);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{healthy} of {observations.Count} checkers healthy");
        if (healthy > HealthyFraction * observations.Count)
        {
            return Signal(site, Verdict.Healthy, summary);
        }

        var failing = observations.FirstOrDefault(observation => !observation.IsHealthy);
        var example = failing?.Status is { Length: > 0 } status ? $"; {failing.Region ?? "a checker"}: {status}" : string.Empty;
        return Signal(site, Verdict.Unhealthy, summary + example);
    }

    private HealthSignal Signal(RegionSite site, Verdict verdict, string detail) =>
        new(SignalKind.Route53HealthCheck, site.Region, Observers.Route53, verdict, detail, timeProvider.GetUtcNow());
}
