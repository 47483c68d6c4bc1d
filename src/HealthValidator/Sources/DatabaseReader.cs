using DrLambdas.Aws;
using DrLambdas.Aws.Rds;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// <c>DescribeGlobalClusters</c> and <c>DescribeDBClusters</c> through each Region's own RDS endpoint. An endpoint
/// that cannot be reached is evidence against its Region; the global view prefers the recovery Region's answer.
/// </summary>
internal sealed class DatabaseReader(IRdsClient rds, DrConfiguration configuration, SourceRunner runner, TimeProvider timeProvider)
{
    private const string ClusterNotFound = "DBClusterNotFoundFault";

    private DrTopology Topology => configuration.Topology;

    public async Task<DatabaseEvidence> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reads = Topology.Sites.Select(site => ReadRegionAsync(site, timeout, cancellationToken)).ToList();
        var regions = await Task.WhenAll(reads);
        var notes = new List<string>();
        var view = BuildView(regions, notes);
        return new DatabaseEvidence(view, regions.Select(EndpointSignal).ToList(), notes);
    }

    private async Task<RegionalDatabase> ReadRegionAsync(RegionSite site, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var global = runner.RunAsync(ct => rds.DescribeGlobalClustersAsync(Topology.GlobalClusterId, site.Region, ct), timeout, cancellationToken);
        var cluster = runner.RunAsync(ct => rds.DescribeDbClustersAsync(site.ClusterArn, site.Region, ct), timeout, cancellationToken);
        return new RegionalDatabase(site, await global, await cluster);
    }

    private HealthSignal EndpointSignal(RegionalDatabase region)
    {
        var site = region.Site;
        var name = ClusterArns.IdentifierOf(site.ClusterArn);
        if (region.Cluster.Succeeded)
        {
            return region.FindCluster() is { } cluster
                ? string.Equals(cluster.Status, "available", StringComparison.OrdinalIgnoreCase)
                    ? Signal(site, Verdict.Healthy, $"RDS endpoint reachable; cluster {name} available")
                    : Signal(site, Verdict.Unhealthy, $"RDS endpoint reachable; cluster {name} is {cluster.Status ?? "in an unreported state"}")
                : Signal(site, Verdict.Unhealthy, $"RDS endpoint reachable; cluster {name} not found");
        }

        var error = region.Cluster.Error;
        if (RdsReachability.IsUnreachable(error))
        {
            return Signal(site, Verdict.Unhealthy, $"RDS endpoint in {site.Region} unreachable: {region.Cluster.Failure}");
        }

        return error is AwsServiceException { ErrorCode: ClusterNotFound }
            ? Signal(site, Verdict.Unhealthy, $"RDS endpoint reachable; cluster {name} not found")
            : Signal(site, Verdict.Unknown, $"DescribeDBClusters in {site.Region} failed: {region.Cluster.Failure}");
    }

    private GlobalClusterView BuildView(IReadOnlyList<RegionalDatabase> regions, List<string> notes)
    {
        // The recovery Region's endpoint first: it is the side that acts.
        var ordered = regions.OrderBy(region => region.Site.Region == Topology.RecoveryRegion ? 0 : 1).ToList();
        var global = ordered
            .Where(region => region.Global.Succeeded)
            .Select(region => region.Global.Value!.WithIdentifier(Topology.GlobalClusterId))
            .FirstOrDefault(cluster => cluster is not null);
        if (global is null)
        {
            notes.Add($"global cluster {Topology.GlobalClusterId} could not be described through any Region: "
                + string.Join("; ", regions.Select(region => $"{region.Site.Region}: {(region.Global.Succeeded ? "not found" : region.Global.Failure)}")));
            return new GlobalClusterView(Topology.GlobalClusterId, [], null);
        }

        var members = global.Members.Select(member => new ClusterMember(
            member.DbClusterArn,
            RegionOf(member.DbClusterArn),
            member.IsWriter,
            StatusOf(member.DbClusterArn, regions),
            Synchronisation(member.SynchronizationStatus))).ToList();
        return new GlobalClusterView(Topology.GlobalClusterId, members, OperationOf(global));
    }

    private string RegionOf(string clusterArn) =>
        Topology.Sites.FirstOrDefault(site => string.Equals(site.ClusterArn, clusterArn, StringComparison.Ordinal))?.Region
        ?? ClusterArns.RegionOf(clusterArn)
        ?? "unknown";

    private static string StatusOf(string clusterArn, IReadOnlyList<RegionalDatabase> regions)
    {
        var region = regions.FirstOrDefault(candidate => string.Equals(candidate.Site.ClusterArn, clusterArn, StringComparison.Ordinal));
        if (region is null)
        {
            return "unknown";
        }

        if (region.Cluster.Succeeded)
        {
            return region.FindCluster()?.Status ?? "not-found";
        }

        return RdsReachability.IsUnreachable(region.Cluster.Error) ? "unreachable" : "unknown";
    }

    private static SynchronisationStatus Synchronisation(string? status) => status switch
    {
        "connected" => SynchronisationStatus.Connected,
        "pending-resync" => SynchronisationStatus.PendingResync,
        _ => SynchronisationStatus.Unknown,
    };

    private static GlobalOperation? OperationOf(GlobalCluster cluster) =>
        cluster.OperationUnderWay is { } state
            ? new GlobalOperation(state.Status!, state.FromDbClusterArn ?? string.Empty, state.ToDbClusterArn ?? string.Empty, state.IsDataLossAllowed)
            : null;

    private HealthSignal Signal(RegionSite site, Verdict verdict, string detail) =>
        new(SignalKind.DatabaseEndpoint, site.Region, Topology.RecoveryRegion, verdict, detail, timeProvider.GetUtcNow());

    private sealed record RegionalDatabase(
        RegionSite Site,
        SourceResult<IReadOnlyList<GlobalCluster>> Global,
        SourceResult<IReadOnlyList<DbCluster>> Cluster)
    {
        public DbCluster? FindCluster() => Cluster.Value?.FirstOrDefault(cluster =>
            string.Equals(cluster.DbClusterArn, Site.ClusterArn, StringComparison.Ordinal)
            || string.Equals(cluster.DbClusterIdentifier, ClusterArns.IdentifierOf(Site.ClusterArn), StringComparison.Ordinal));
    }
}
