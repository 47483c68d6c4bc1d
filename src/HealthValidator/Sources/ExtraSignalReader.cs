using DrLambdas.Aws.CloudWatch;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// The extra health signals (<see cref="ExtraSignal"/>), each read in the Region it lives in: an alarm inside a Region
/// that cannot be reached is <see cref="Verdict.Unknown"/>, never a guess. One <c>DescribeAlarms</c> per Region.
/// </summary>
internal sealed class ExtraSignalReader(ICloudWatchClient cloudWatch, DrConfiguration configuration, SourceRunner runner, TimeProvider timeProvider)
{
    /// <summary>The readings of both Regions' extra signals.</summary>
    public Task<IReadOnlyList<ExtraSignalReading>> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        ReadAsync(configuration.Topology.Sites, timeout, cancellationToken);

    /// <summary>The readings of the extra signals configured for <paramref name="sites"/>.</summary>
    public async Task<IReadOnlyList<ExtraSignalReading>> ReadAsync(IEnumerable<RegionSite> sites, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reads = sites
            .Select(site => (Site: site, Signals: configuration.Alarms.ExtraSignalsOf(site.Role)))
            .Where(entry => entry.Signals.Count > 0)
            .Select(entry => ReadInAsync(entry.Site, entry.Signals, timeout, cancellationToken));
        return (await Task.WhenAll(reads)).SelectMany(readings => readings).ToList();
    }

    private async Task<IReadOnlyList<ExtraSignalReading>> ReadInAsync(
        RegionSite site, IReadOnlyList<ExtraSignal> signals, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var names = signals.Select(signal => signal.AlarmName).ToList();
        var result = await runner.RunAsync(ct => cloudWatch.DescribeAlarmsAsync(names, site.Region, ct), timeout, cancellationToken);
        return signals.Select(signal => Judge(signal, site.Region, result)).ToList();
    }

    private ExtraSignalReading Judge(ExtraSignal signal, string region, SourceResult<IReadOnlyList<CloudWatchAlarm>> result)
    {
        if (!result.Succeeded)
        {
            return Reading(signal, region, Verdict.Unknown, $"alarm {signal.AlarmName} in {region} unreadable: {result.Failure}");
        }

        var alarm = result.Value!.FirstOrDefault(candidate => string.Equals(candidate.Name, signal.AlarmName, StringComparison.Ordinal));
        if (alarm is null)
        {
            return Reading(signal, region, Verdict.Unknown, $"alarm {signal.AlarmName} not found in {region}");
        }

        var (verdict, state) = alarm.State switch
        {
            CloudWatchAlarmState.Alarm => (Verdict.Unhealthy, "ALARM"),
            CloudWatchAlarmState.Ok => (Verdict.Healthy, "OK"),
            CloudWatchAlarmState.InsufficientData => (Verdict.Unknown, "INSUFFICIENT_DATA"),
            _ => (Verdict.Unknown, "unknown state"),
        };
        var reason = string.IsNullOrWhiteSpace(alarm.StateReason) ? string.Empty : $": {alarm.StateReason}";
        return Reading(signal, region, verdict, $"alarm {signal.AlarmName} {state}{reason}");
    }

    private ExtraSignalReading Reading(ExtraSignal signal, string region, Verdict verdict, string detail) =>
        new(signal.Kind, signal.AlarmName, region, verdict, detail, timeProvider.GetUtcNow());
}
