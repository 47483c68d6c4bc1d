using DrLambdas.Aws.CloudWatch;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// The current state of the configured CloudWatch alarms: the failure alarms in the recovery Region, the Route 53
/// health-check alarms in <see cref="AlarmSettings.HealthCheckAlarmRegion"/> (us-east-1, where Route 53 publishes its
/// metrics). Each alarm speaks for the Region it is configured for. An alarm on Route 53's <c>HealthCheckStatus</c> is
/// the Route 53 checkers speaking again, so it votes as <see cref="SignalKind.Route53HealthCheck"/>; the probe alarms
/// (recovery Region) are the scheduled probes speaking again and vote as <see cref="SignalKind.Probe"/>, observed from
/// the recovery Region (the witness's own view enters through its metric); a probe alarm votes only in ALARM.
/// </summary>
internal sealed class AlarmReader(ICloudWatchClient cloudWatch, DrConfiguration configuration, SourceRunner runner, TimeProvider timeProvider)
{
    private AlarmSettings Alarms => configuration.Alarms;

    /// <summary>One signal per configured alarm; Unknown for alarms that cannot be read.</summary>
    public async Task<IReadOnlyList<HealthSignal>> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await ReadAsync(configuration.Topology.Sites, timeout, cancellationToken);

    /// <summary>The signals of the alarms configured for <paramref name="sites"/> only.</summary>
    public async Task<IReadOnlyList<HealthSignal>> ReadAsync(IEnumerable<RegionSite> sites, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var list = sites.ToList();
        var failure = list.SelectMany(site => Alarms.FailureAlarmsOf(site.Role).Select(name => new WantedAlarm(name, site, IsHealthCheck: false)))
            .Concat(list
                .Select(site => (Name: Alarms.ProbeAlarmOf(site.Role), Site: site))
                .Where(entry => entry.Name is not null)
                .Select(entry => new WantedAlarm(entry.Name!, entry.Site, IsHealthCheck: false, IsProbe: true)))
            .ToList();
        var healthChecks = list
            .Select(site => (Name: Alarms.HealthCheckAlarmOf(site.Role), Site: site))
            .Where(entry => entry.Name is not null)
            .Select(entry => new WantedAlarm(entry.Name!, entry.Site, IsHealthCheck: true))
            .ToList();

        var reads = new[]
        {
            ReadInAsync(failure, region: null, configuration.Topology.RecoveryRegion, timeout, cancellationToken),
            ReadInAsync(healthChecks, Alarms.HealthCheckAlarmRegion, Alarms.HealthCheckAlarmRegion, timeout, cancellationToken),
        };
        return (await Task.WhenAll(reads)).SelectMany(signals => signals).ToList();
    }

    private async Task<IReadOnlyList<HealthSignal>> ReadInAsync(
        IReadOnlyList<WantedAlarm> wanted, string? region, string regionName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0)
        {
            return [];
        }

        var names = wanted.Select(entry => entry.Name).ToList();
        var result = await runner.RunAsync(ct => cloudWatch.DescribeAlarmsAsync(names, region, ct), timeout, cancellationToken);
        return wanted.Select(entry => Judge(entry, regionName, result)).ToList();
    }

    private HealthSignal Judge(WantedAlarm wanted, string regionName, SourceResult<IReadOnlyList<CloudWatchAlarm>> result)
    {
        var name = wanted.Name;
        if (!result.Succeeded)
        {
            return Signal(wanted, wanted.IsHealthCheck, Verdict.Unknown, $"alarm {name} in {regionName} unreadable: {result.Failure}");
        }

        var alarm = result.Value!.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal));
        if (alarm is null)
        {
            return Signal(wanted, wanted.IsHealthCheck, Verdict.Unknown, $"alarm {name} not found in {regionName}");
        }

        var (verdict, state) = alarm.State switch
        {
            CloudWatchAlarmState.Alarm => (Verdict.Unhealthy, "ALARM"),
            // A probe alarm is a composite "both observers see it failing": OK only says they do not both agree (one may be
            // silent: a witness that can reach nothing publishes no data), never that the Region serves. The probes'
            // healthy view enters through their metric.
            CloudWatchAlarmState.Ok when wanted.IsProbe => (Verdict.Unknown, "OK"),
            CloudWatchAlarmState.Ok => (Verdict.Healthy, "OK"),
            CloudWatchAlarmState.InsufficientData => (Verdict.Unknown, "INSUFFICIENT_DATA"),
            _ => (Verdict.Unknown, "unknown state"),
        };
        var reason = string.IsNullOrWhiteSpace(alarm.StateReason) ? string.Empty : $": {alarm.StateReason}";
        var kind = wanted.IsHealthCheck ? SignalKind.Route53HealthCheck
            : wanted.IsProbe ? SignalKind.Probe
            : SignalSources.KindOfAlarm(alarm.Namespace, alarm.MetricName);
        return Signal(wanted, kind, verdict, $"alarm {name} {state}{reason}");
    }

    private HealthSignal Signal(WantedAlarm wanted, bool fromRoute53, Verdict verdict, string detail) =>
        Signal(wanted, fromRoute53 ? SignalKind.Route53HealthCheck : wanted.IsProbe ? SignalKind.Probe : SignalKind.Alarm, verdict, detail);

    private HealthSignal Signal(WantedAlarm wanted, SignalKind kind, Verdict verdict, string detail) => kind == SignalKind.Route53HealthCheck
        ? new(kind, wanted.Site.Region, Observers.Route53, verdict, detail, timeProvider.GetUtcNow())
        : new(kind, wanted.Site.Region, configuration.Topology.RecoveryRegion, verdict, detail, timeProvider.GetUtcNow());

    private sealed record WantedAlarm(string Name, RegionSite Site, bool IsHealthCheck, bool IsProbe = false);
}
