using DrLambdas.Aws.Rds;
using DrLambdas.Errors;
using DrLambdas.Shared.Configuration;

namespace DrLambdas.AuroraPromoter;

/// <summary>Reads the global cluster through one Region's RDS endpoint.</summary>
internal sealed class GlobalClusterReader(IRdsClient rds, DrTopology topology)
{
    /// <summary>The configured global cluster as seen through <paramref name="region"/>'s endpoint.</summary>
    /// <exception cref="ConfigurationException">The global cluster does not exist.</exception>
    public async Task<GlobalCluster> ReadAsync(string region, CancellationToken cancellationToken)
    {
        var clusters = await rds.DescribeGlobalClustersAsync(topology.GlobalClusterId, region, cancellationToken);
        return clusters.WithIdentifier(topology.GlobalClusterId)
            ?? throw new ConfigurationException(
                $"DR_GLOBAL_CLUSTER_ID: global cluster {topology.GlobalClusterId} is not visible through the RDS endpoint of {region}");
    }
}
