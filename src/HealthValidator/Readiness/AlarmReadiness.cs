using DrLambdas.Aws.CloudWatch;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>
/// Every configured alarm exists and has data. The failure and probe alarms are read in the recovery Region, the
/// Route 53 <c>HealthCheckStatus</c> alarms where Route 53 publishes its metrics (<see cref="AlarmSettings.HealthCheckAlarmRegion"/>),
/// as <see cref="AlarmReader"/> reads them; each extra signal (<see cref="ExtraSignal"/>) in the Region it lives in, as
/// <see cref="ExtraSignalReader"/> reads it.
/// </summary>
internal sealed class AlarmReadiness(ICloudWatchClient cloudWatch, DrConfiguration configuration, SourceRunner runner)
{
    public async Task<IReadOnlyList<ReadinessFinding>> CheckAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var alarms = configuration.Alarms;
        var sites = configuration.Topology.Sites;
        var local = sites.SelectMany(site => alarms.FailureAlarmsOf(site.Role))
            .Concat(sites.Select(site => alarms.ProbeAlarmOf(site.Role)).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var healthChecks = sites.Select(site => alarms.HealthCheckAlarmOf(site.Role)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var extraSignals = sites
            .Select(site => CheckInAsync(
                alarms.ExtraSignalsOf(site.Role).Select(signal => signal.AlarmName).Distinct(StringComparer.Ordinal).ToList(),
                site.Region, site.Region, timeout, cancellationToken));
        var reads = new[]
        {
            CheckInAsync(local, null, configuration.Topology.RecoveryRegion, timeout, cancellationToken),
            CheckInAsync(healthChecks, alarms.HealthCheckAlarmRegion, alarms.HealthCheckAlarmRegion, timeout, cancellationToken),
        }.Concat(extraSignals);
        return (await Task.WhenAll(reads)).SelectMany(findings => findings).ToList();
    }

    private async Task<IReadOnlyList<ReadinessFinding>> CheckInAsync(
        List<string> names, string? region, string regionName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var result = await runner.RunAsync(ct => cloudWatch.DescribeAlarmsAsync(names, region, ct), timeout, cancellationToken);
        if (!result.Succeeded)
        {
            return [Unreadable.Finding(result, $"alarms {string.Join(", ", names)} in {regionName}", "cloudwatch:DescribeAlarms")];
        }

        var findings = new List<ReadinessFinding>();
        foreach (var name in names)
        {
            var alarm = result.Value!.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal));
            if (alarm is null)
            {
                findings.Add(new ReadinessFinding(
                    ReadinessCodes.AlarmMissing, ReadinessSeverity.Critical, $"alarm {name}",
                    $"The configured alarm {name} does not exist in {regionName}: it can neither start a failover nor vote in one.",
                    $"DescribeAlarms in {regionName} returned no alarm named {name}",
                    $"Recreate the alarm (redeploy the stack that owns it) or remove it from the configuration."));
            }
            else if (alarm.State == CloudWatchAlarmState.InsufficientData)
            {
                findings.Add(new ReadinessFinding(
                    ReadinessCodes.AlarmNoData, ReadinessSeverity.Warning, $"alarm {name}",
                    $"The alarm {name} in {regionName} has no data: it cannot fire, and reads as unknown evidence.",
                    $"state INSUFFICIENT_DATA{(string.IsNullOrWhiteSpace(alarm.StateReason) ? string.Empty : ": " + alarm.StateReason)}",
                    $"Check that the alarm's metric ({alarm.Namespace}/{alarm.MetricName}) is published in {regionName} with the alarm's dimensions."));
            }
        }

        return findings;
    }
}
