namespace DrLambdas.Aws.Rds;

/// <summary>
/// The Amazon RDS operations used to inspect and promote an Aurora global database. Every call may target
/// another Region than the default (the validator reads both Regions).
/// </summary>
public interface IRdsClient
{
    /// <summary>Describes one global cluster, or every global cluster when <paramref name="globalClusterIdentifier"/> is null (all pages).</summary>
    Task<IReadOnlyList<GlobalCluster>> DescribeGlobalClustersAsync(
        string? globalClusterIdentifier = null, string? region = null, CancellationToken cancellationToken = default);

    /// <summary>Describes one DB cluster (identifier or ARN), or every DB cluster in the Region when null (all pages).</summary>
    Task<IReadOnlyList<DbCluster>> DescribeDbClustersAsync(
        string? dbClusterIdentifier = null, string? region = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts <c>FailoverGlobalCluster</c>: with <see cref="GlobalClusterFailoverMode.AllowDataLoss"/> a failover that
    /// promotes the target even though the primary is unreachable; with <see cref="GlobalClusterFailoverMode.Switchover"/>
    /// a managed, lossless switchover. Returns the global cluster as the service reports it right after the call.
    /// </summary>
    Task<GlobalCluster> FailoverGlobalClusterAsync(
        FailoverGlobalClusterRequest request, string? region = null, CancellationToken cancellationToken = default);

    /// <summary>Starts <c>SwitchoverGlobalCluster</c>: a lossless switchover to <paramref name="targetDbClusterIdentifier"/> (ARN).</summary>
    Task<GlobalCluster> SwitchoverGlobalClusterAsync(
        string globalClusterIdentifier, string targetDbClusterIdentifier, string? region = null, CancellationToken cancellationToken = default);
}
