using System.Globalization;
using DrLambdas.Aws.CloudWatch;
using DrLambdas.Functions.Common;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Runtime.Logging;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Operations;

/// <summary>
/// <c>probe</c>: started every minute by EventBridge Scheduler (in the recovery Region and in the witness Region), it
/// probes both Regions' health endpoints at the start of every <see cref="ProbeSchedule.Interval"/> for
/// <see cref="ProbeSchedule.Duration"/> and publishes each result as one <c>EndpointHealthy</c> datapoint (1/0,
/// 1-second storage resolution) into the recovery Region, dimensioned by observer (the Region this runs in) and target.
/// Rounds start on a fixed grid and do not wait for each other, so a slow endpoint never opens a gap; a probe with no
/// completed attempt and a failed publication leave the second missing, which the alarms never count as a failure.
/// </summary>
internal sealed class ProbeOperation(
    DrConfiguration configuration, IHealthProbe probe, ICloudWatchClient cloudWatch, TimeProvider timeProvider)
{
    /// <summary>Time kept free before the Lambda deadline for the last round and its publication.</summary>
    private static readonly TimeSpan DeadlineReserve = TimeSpan.FromSeconds(2);

    private ProbeSchedule Schedule => configuration.Probes.Schedule;

    private string Observer => configuration.Topology.RecoveryRegion;

    public async Task<ProbeResponse> HandleAsync(ProbeRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var metricRegion = Schedule.MetricRegionFor(Observer);
        var budget = configuration.Probes.AttemptTimeout;
        var start = timeProvider.GetUtcNow();
        var lastStart = start + Schedule.Duration;
        var stopBy = start + invocation.RemainingTime - budget - DeadlineReserve;
        var tally = new ProbeTally(configuration.Topology.Sites.Select(site => site.Region));
        var rounds = new List<Task>();
        for (var round = 0; ; round++)
        {
            var at = start + (Schedule.Interval * round);
            if (at >= lastStart || at > stopBy)
            {
                break;
            }

            var wait = at - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            rounds.Add(RoundAsync(at, budget, metricRegion, tally, invocation, cancellationToken));
        }

        await Task.WhenAll(rounds);
        invocation.Logger.Info(
            $"Probed {tally.Targets.Count} Regions in {rounds.Count} rounds from {Observer}",
            new LogField("published", tally.Published),
            new LogField("publishFailures", tally.PublishFailures));
        return new ProbeResponse(Observer, metricRegion, rounds.Count, tally.Published, tally.PublishFailures, tally.Targets);
    }

    private async Task RoundAsync(
        DateTimeOffset at, TimeSpan budget, string metricRegion, ProbeTally tally, Invocation invocation, CancellationToken cancellationToken)
    {
        var signals = await Task.WhenAll(configuration.Topology.Sites.Select(site => ProbeAsync(site, budget, cancellationToken)));
        foreach (var signal in signals)
        {
            tally.Count(signal);
        }

        var data = signals
            .Where(signal => signal.Verdict != Verdict.Unknown)
            .Select(signal => Datum(signal, at))
            .ToList();
        if (data.Count == 0)
        {
            return;
        }

        try
        {
            await cloudWatch.PutMetricDataAsync(ProbeMetric.Namespace, data, metricRegion, cancellationToken);
            tally.Publish(data.Count, succeeded: true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            tally.Publish(data.Count, succeeded: false);
            invocation.Logger.Warn(
                $"PutMetricData into {metricRegion} failed: {exception.Message}",
                new LogField("failure", exception.GetType().Name),
                new LogField("at", at.ToString("O", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>A probe that throws is Unknown: nothing is published for it.</summary>
    private async Task<HealthSignal> ProbeAsync(RegionSite site, TimeSpan budget, CancellationToken cancellationToken)
    {
        try
        {
            return await probe.ProbeAsync(site, budget, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthSignal(SignalKind.Probe, site.Region, Observer, Verdict.Unknown, exception.Message, timeProvider.GetUtcNow());
        }
    }

    private MetricDatum Datum(HealthSignal signal, DateTimeOffset at) => new(
        ProbeMetric.MetricName,
        [new MetricDimension(ProbeMetric.ObserverDimension, Observer), new MetricDimension(ProbeMetric.TargetDimension, signal.Region)],
        signal.Verdict == Verdict.Healthy ? 1 : 0,
        at,
        ProbeMetric.StorageResolutionSeconds);
}
