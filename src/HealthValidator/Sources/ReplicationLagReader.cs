using DrLambdas.Aws.CloudWatch;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// The latest <c>AuroraGlobalDBRPOLag</c> (milliseconds) of each Region's cluster, read in that Region; the lag
/// that matters is the one of the cluster that would be promoted (the current non-writer).
/// </summary>
internal sealed class ReplicationLagReader(ICloudWatchClient cloudWatch, DrConfiguration configuration, SourceRunner runner, TimeProvider timeProvider)
{
    /// <summary>How far back the newest data point is looked for.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const int PeriodSeconds = 60;

    /// <summary>The window searched: wide enough that a stale point is found and reported as stale, not as missing.</summary>
    private TimeSpan LookBack => configuration.Policy.RpoLagMaxAge > Window ? configuration.Policy.RpoLagMaxAge : Window;

    /// <summary>The lag of each Region's cluster, by Region.</summary>
    public async Task<IReadOnlyDictionary<string, SourceResult<ReplicationStatus>>> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sites = configuration.Topology.Sites;
        var reads = sites.Select(site => runner.RunAsync(ct => ReadSiteAsync(site, ct), timeout, cancellationToken)).ToList();
        var results = await Task.WhenAll(reads);
        return sites.Zip(results).ToDictionary(pair => pair.First.Region, pair => pair.Second, StringComparer.Ordinal);
    }

    /// <summary>The lag of the cluster that would be promoted: the non-writer, else the recovery Region's.</summary>
    public static ReplicationStatus Select(
        IReadOnlyDictionary<string, SourceResult<ReplicationStatus>> lags, GlobalClusterView view, DrTopology topology)
    {
        var candidate = view.Members.FirstOrDefault(member => !member.IsWriter && topology.Find(member.Region) is not null)?.Region
            ?? topology.RecoveryRegion;
        return lags.TryGetValue(candidate, out var result) && result.Succeeded ? result.Value! : ReplicationStatus.Unknown;
    }

    private async Task<ReplicationStatus> ReadSiteAsync(RegionSite site, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var metric = new Metric("AWS/RDS", "AuroraGlobalDBRPOLag",
            [new MetricDimension("DBClusterIdentifier", ClusterArns.IdentifierOf(site.ClusterArn))]);
        var results = await cloudWatch.GetMetricDataAsync(
            new GetMetricDataRequest([MetricDataQuery.ForMetric("rpoLag", metric, PeriodSeconds, "Maximum")], now - LookBack, now),
            site.Region,
            cancellationToken);
        var newest = results.SelectMany(result => result.Points).MaxBy(point => point.Timestamp);
        return newest is null
            ? ReplicationStatus.Unknown
            : new ReplicationStatus(TimeSpan.FromMilliseconds(newest.Value), newest.Timestamp);
    }
}
