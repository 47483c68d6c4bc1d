namespace DrLambdas.Aws.Rds;

/// <summary>A Regional Aurora DB cluster as returned by <c>DescribeDBClusters</c>.</summary>
/// <param name="DbClusterIdentifier">The cluster identifier.</param>
/// <param name="DbClusterArn">Its ARN.</param>
/// <param name="Status">Lifecycle status, e.g. <c>available</c>.</param>
/// <param name="Engine">Database engine.</param>
/// <param name="EngineVersion">Engine version.</param>
/// <param name="Endpoint">The cluster (writer) endpoint.</param>
/// <param name="ReaderEndpoint">The reader endpoint.</param>
/// <param name="Port">Database port.</param>
/// <param name="GlobalClusterIdentifier">The global cluster this cluster belongs to, when RDS reports it.</param>
/// <param name="ReplicationSourceIdentifier">The source this cluster replicates from, if it is a replica.</param>
/// <param name="Members">The DB instances of the cluster.</param>
public sealed record DbCluster(
    string DbClusterIdentifier,
    string? DbClusterArn,
    string? Status,
    string? Engine,
    string? EngineVersion,
    string? Endpoint,
    string? ReaderEndpoint,
    int? Port,
    string? GlobalClusterIdentifier,
    string? ReplicationSourceIdentifier,
    IReadOnlyList<DbClusterMember> Members);

/// <summary>A DB instance inside a DB cluster.</summary>
/// <param name="DbInstanceIdentifier">The instance identifier.</param>
/// <param name="IsClusterWriter">True for the cluster's writer instance.</param>
/// <param name="PromotionTier">Failover priority inside the cluster.</param>
public sealed record DbClusterMember(string DbInstanceIdentifier, bool IsClusterWriter, int? PromotionTier);
