using DrLambdas.Aws.CloudWatch;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;
using AwsAlarmState = DrLambdas.Aws.CloudWatch.AlarmState;

namespace DrLambdas.HealthValidator.Evidence;

/// <summary>
/// The current state of the configured CloudWatch alarms (in the recovery Region): the primary's failure alarms
/// speak for the primary, the secondary's for the secondary. One signal per configured alarm.
/// </summary>
internal sealed class AlarmReader(ICloudWatchClient cloudWatch, DrConfiguration configuration, SourceRunner runner, TimeProvider timeProvider)
{
    /// <summary>One signal per configured alarm; all Unknown when the alarms cannot be read.</summary>
    public async Task<IReadOnlyList<HealthSignal>> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await ReadAsync(configuration.Topology.Sites, timeout, cancellationToken);

    /// <summary>The signals of the alarms configured for <paramref name="sites"/> only.</summary>
    public async Task<IReadOnlyList<HealthSignal>> ReadAsync(IEnumerable<RegionSite> sites, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var wanted = sites.SelectMany(site => AlarmsOf(site).Select(name => (Name: name, Site: site))).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var names = wanted.Select(entry => entry.Name).ToList();
        var result = await runner.RunAsync(ct => cloudWatch.DescribeAlarmsAsync(names, region: null, ct), timeout, cancellationToken);
        return wanted.Select(entry => Judge(entry.Name, entry.Site, result)).ToList();
    }

    private IReadOnlyList<string> AlarmsOf(RegionSite site) => site.Role == RegionRole.Primary
        ? configuration.Alarms.PrimaryFailureAlarms
        : configuration.Alarms.SecondaryFailureAlarms;

    private HealthSignal Judge(string name, RegionSite site, SourceResult<IReadOnlyList<CloudWatchAlarm>> result)
    {
        if (!result.Succeeded)
        {
            return Signal(site, Verdict.Unknown, $"alarm {name} unreadable: {result.Failure}");
        }

        var alarm = result.Value!.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal));
        if (alarm is null)
        {
            return Signal(site, Verdict.Unknown, $"alarm {name} not found in {configuration.Topology.RecoveryRegion}");
        }

        var (verdict, state) = alarm.State switch
        {
            AwsAlarmState.Alarm => (Verdict.Unhealthy, "ALARM"),
            AwsAlarmState.Ok => (Verdict.Healthy, "OK"),
            AwsAlarmState.InsufficientData => (Verdict.Unknown, "INSUFFICIENT_DATA"),
            _ => (Verdict.Unknown, "unknown state"),
        };
        var reason = string.IsNullOrWhiteSpace(alarm.StateReason) ? string.Empty : $": {alarm.StateReason}";
        return Signal(site, verdict, $"alarm {name} {state}{reason}");
    }

    private HealthSignal Signal(RegionSite site, Verdict verdict, string detail) =>
        new(SignalKind.Alarm, site.Region, configuration.Topology.RecoveryRegion, verdict, detail, timeProvider.GetUtcNow());
}
