namespace DrLambdas.Shared.Domain;

/// <summary>One Regional cluster of the Aurora global database.</summary>
/// <param name="ClusterArn">The Regional cluster ARN.</param>
/// <param name="Region">The cluster's Region.</param>
/// <param name="IsWriter">Whether this cluster is the global writer.</param>
/// <param name="Status">The RDS cluster status, e.g. <c>available</c>.</param>
/// <param name="Synchronisation">Replication state (secondaries only).</param>
public sealed record ClusterMember(
    string ClusterArn,
    string Region,
    bool IsWriter,
    string Status,
    SynchronisationStatus Synchronisation)
{
    /// <summary>RDS reports the cluster as <c>available</c>.</summary>
    public bool IsAvailable => string.Equals(Status, "available", StringComparison.OrdinalIgnoreCase);
}
