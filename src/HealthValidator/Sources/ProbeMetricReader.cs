using System.Globalization;
using DrLambdas.Aws.CloudWatch;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// The scheduled probes read back from their metric (<see cref="ProbeMetric"/>): one <see cref="SignalKind.Probe"/>
/// signal per observer (the recovery Region, the witness) and probed Region, judged over the last
/// <see cref="ProbeSchedule.Window"/> second by second. A second in which some probe failed is failing; the observer
/// votes by majority of its seconds. No datapoints (an observer that is down, cut off or not deployed) is Unknown: missing
/// data is never a failure vote.
/// </summary>
internal sealed class ProbeMetricReader(ICloudWatchClient cloudWatch, DrConfiguration configuration, SourceRunner runner, TimeProvider timeProvider)
{
    private const int PeriodSeconds = 1;

    private ProbeSchedule Schedule => configuration.Probes.Schedule;

    /// <summary>One signal per observer and Region; Unknown for all when the metric cannot be read.</summary>
    public async Task<IReadOnlyList<HealthSignal>> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var recovery = configuration.Topology.RecoveryRegion;
        var pairs = Schedule.ObserversFor(recovery)
            .SelectMany(observer => configuration.Topology.Sites.Select(site => (Observer: observer, Target: site.Region)))
            .ToList();
        var region = Schedule.MetricRegionFor(recovery);
        var now = timeProvider.GetUtcNow();
        var request = new GetMetricDataRequest(
            pairs.Select((pair, index) => MetricDataQuery.ForMetric(QueryId(index), Metric(pair.Observer, pair.Target), PeriodSeconds, "Minimum")).ToList(),
            now - Schedule.Window,
            now);
        var result = await runner.RunAsync(ct => cloudWatch.GetMetricDataAsync(request, region, ct), timeout, cancellationToken);
        return pairs.Select((pair, index) => Judge(pair.Observer, pair.Target, region, QueryId(index), result, now)).ToList();
    }

    private HealthSignal Judge(
        string observer, string target, string region, string id, SourceResult<IReadOnlyList<MetricDataResult>> result, DateTimeOffset now)
    {
        if (!result.Succeeded)
        {
            return Signal(observer, target, Verdict.Unknown, $"EndpointHealthy in {region} unreadable: {result.Failure}", now);
        }

        var points = result.Value!.FirstOrDefault(entry => string.Equals(entry.Id, id, StringComparison.Ordinal))?.Points ?? [];
        var window = Seconds(Schedule.Window.TotalSeconds);
        if (points.Count == 0)
        {
            return Signal(observer, target, Verdict.Unknown, $"EndpointHealthy: no datapoints from {observer} in the last {window}", now);
        }

        var healthy = points.Count(point => point.Value >= 1);
        var failing = points.Count - healthy;
        var verdict = failing > healthy ? Verdict.Unhealthy : healthy > failing ? Verdict.Healthy : Verdict.Unknown;
        var newest = points.Max(point => point.Timestamp);
        return Signal(observer, target, verdict,
            string.Create(CultureInfo.InvariantCulture, $"EndpointHealthy {healthy} of {points.Count} probed seconds healthy in the last {window}"),
            newest);
    }

    private static HealthSignal Signal(string observer, string target, Verdict verdict, string detail, DateTimeOffset at) =>
        new(SignalKind.Probe, target, observer, verdict, detail, at);

    private static Metric Metric(string observer, string target) => new(
        ProbeMetric.Namespace,
        ProbeMetric.MetricName,
        [new MetricDimension(ProbeMetric.ObserverDimension, observer), new MetricDimension(ProbeMetric.TargetDimension, target)]);

    private static string QueryId(int index) => string.Create(CultureInfo.InvariantCulture, $"probe{index}");

    private static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.##} s");
}
