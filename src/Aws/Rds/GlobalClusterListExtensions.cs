namespace DrLambdas.Aws.Rds;

/// <summary>Lookups in a <c>DescribeGlobalClusters</c> result.</summary>
public static class GlobalClusterListExtensions
{
    /// <summary>The global cluster whose identifier is <paramref name="globalClusterId"/>, or null when the result has none.</summary>
    public static GlobalCluster? WithIdentifier(this IEnumerable<GlobalCluster> clusters, string globalClusterId)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        return clusters.FirstOrDefault(cluster => string.Equals(cluster.GlobalClusterIdentifier, globalClusterId, StringComparison.Ordinal));
    }
}
