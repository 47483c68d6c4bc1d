using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>The application-level evidence about one Region: its probe, its Route 53 health check and, optionally, its alarms.</summary>
internal sealed class RegionObserver(IHealthProbe probe, Route53HealthReader route53, AlarmReader alarms)
{
    public async Task<IReadOnlyList<HealthSignal>> ObserveAsync(RegionSite site, bool includeAlarms, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var probeSignal = probe.ProbeAsync(site, timeout, cancellationToken);
        var checkSignal = route53.ReadAsync(site, timeout, cancellationToken);
        var alarmSignals = includeAlarms ? alarms.ReadAsync([site], timeout, cancellationToken) : Task.FromResult<IReadOnlyList<HealthSignal>>([]);
        var signals = new List<HealthSignal> { await probeSignal };
        if (await checkSignal is { } check)
        {
            signals.Add(check);
        }

        signals.AddRange(await alarmSignals);
        return signals;
    }
}
