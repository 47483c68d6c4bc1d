using DrLambdas.Aws.Rds;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Errors;

namespace DrLambdas.AuroraPromoter;

/// <summary>Reads the global cluster through one Region's RDS endpoint and tells where its writer is heading.</summary>
internal sealed class GlobalClusterReader(IRdsClient rds, DrTopology topology)
{
    /// <summary>The configured global cluster as seen through <paramref name="region"/>'s endpoint.</summary>
    /// <exception cref="ConfigurationException">The global cluster does not exist.</exception>
    public async Task<GlobalCluster> ReadAsync(string region, CancellationToken cancellationToken)
    {
        var clusters = await rds.DescribeGlobalClustersAsync(topology.GlobalClusterId, region, cancellationToken);
        return clusters.FirstOrDefault(cluster => string.Equals(cluster.GlobalClusterIdentifier, topology.GlobalClusterId, StringComparison.Ordinal))
            ?? throw new ConfigurationException(
                $"DR_GLOBAL_CLUSTER_ID: global cluster {topology.GlobalClusterId} is not visible through the RDS endpoint of {region}");
    }

    /// <summary>
    /// The cluster a switchover or failover under way is promoting, or null when none is. When RDS omits the
    /// destination, it is the only non-writer member.
    /// </summary>
    public static string? OperationDestination(GlobalCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.FailoverState is not { Status: { Length: > 0 } } state)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(state.ToDbClusterArn))
        {
            return state.ToDbClusterArn;
        }

        var readers = cluster.Members.Where(member => !member.IsWriter).ToList();
        return readers.Count == 1 ? readers[0].DbClusterArn : string.Empty;
    }
}
