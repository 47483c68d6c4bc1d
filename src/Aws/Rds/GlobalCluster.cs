namespace DrLambdas.Aws.Rds;

/// <summary>An Aurora global database as returned by RDS.</summary>
/// <param name="GlobalClusterIdentifier">The global cluster's identifier.</param>
/// <param name="GlobalClusterArn">Its ARN.</param>
/// <param name="Status">Lifecycle status, e.g. <c>available</c>, <c>failing-over</c>, <c>switching-over</c>.</param>
/// <param name="Engine">Database engine, e.g. <c>aurora-postgresql</c>.</param>
/// <param name="EngineVersion">Engine version.</param>
/// <param name="Endpoint">The global writer endpoint, which follows the writer across Regions.</param>
/// <param name="Members">The member clusters, one per Region.</param>
/// <param name="FailoverState">The failover or switchover in progress, if any.</param>
public sealed record GlobalCluster(
    string GlobalClusterIdentifier,
    string? GlobalClusterArn,
    string? Status,
    string? Engine,
    string? EngineVersion,
    string? Endpoint,
    IReadOnlyList<GlobalClusterMember> Members,
    GlobalClusterFailoverState? FailoverState)
{
    /// <summary>The member that currently accepts writes, if any.</summary>
    public GlobalClusterMember? Writer => Members.FirstOrDefault(m => m.IsWriter);

    /// <summary>The failover or switchover under way, or null when none is: a <c>FailoverState</c> without a status is none.</summary>
    public GlobalClusterFailoverState? OperationUnderWay => FailoverState is { Status.Length: > 0 } ? FailoverState : null;

    /// <summary>
    /// The cluster the operation under way is promoting, or null when none is under way. When RDS omits the
    /// destination it is the only non-writer member; empty when RDS omits it and no single member can be it.
    /// </summary>
    public string? OperationDestination
    {
        get
        {
            if (OperationUnderWay is not { } state)
            {
                return null;
            }

            if (!string.IsNullOrEmpty(state.ToDbClusterArn))
            {
                return state.ToDbClusterArn;
            }

            var readers = Members.Where(member => !member.IsWriter).ToList();
            return readers.Count == 1 ? readers[0].DbClusterArn : string.Empty;
        }
    }
}

/// <summary>One Regional cluster of a global database.</summary>
/// <param name="DbClusterArn">The member cluster's ARN.</param>
/// <param name="IsWriter">True for the primary (writer) cluster.</param>
/// <param name="Readers">ARNs of the secondary clusters (listed on the writer).</param>
/// <param name="SynchronizationStatus"><c>connected</c> or <c>pending-resync</c>; null when RDS does not report it.</param>
/// <param name="GlobalWriteForwardingStatus">Write-forwarding status of a secondary.</param>
public sealed record GlobalClusterMember(
    string DbClusterArn,
    bool IsWriter,
    IReadOnlyList<string> Readers,
    string? SynchronizationStatus,
    string? GlobalWriteForwardingStatus);

/// <summary>A failover or switchover in progress on a global cluster.</summary>
/// <param name="Status"><c>pending</c>, <c>failing-over</c> or <c>cancelling</c>.</param>
/// <param name="FromDbClusterArn">The cluster being demoted.</param>
/// <param name="ToDbClusterArn">The cluster being promoted.</param>
/// <param name="IsDataLossAllowed">True for a failover (data loss allowed), false for a switchover.</param>
public sealed record GlobalClusterFailoverState(
    string? Status,
    string? FromDbClusterArn,
    string? ToDbClusterArn,
    bool IsDataLossAllowed);
