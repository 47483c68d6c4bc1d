namespace DrLambdas.Aws.Rds;

/// <summary>How <c>FailoverGlobalCluster</c> promotes the target; exactly one of its two flags is sent.</summary>
public enum GlobalClusterFailoverMode
{
    /// <summary>Sends <c>AllowDataLoss=true</c>: promote even though the primary is unreachable, losing unreplicated writes.</summary>
    AllowDataLoss,

    /// <summary>Sends <c>Switchover=true</c>: wait for replication to catch up, no data loss; fails when the primary is down.</summary>
    Switchover,
}

/// <summary>Input of <c>FailoverGlobalCluster</c>.</summary>
/// <param name="GlobalClusterIdentifier">The global cluster to fail over.</param>
/// <param name="TargetDbClusterIdentifier">The secondary cluster (ARN) to promote.</param>
/// <param name="Mode">Failover with data loss, or switchover.</param>
public sealed record FailoverGlobalClusterRequest(
    string GlobalClusterIdentifier,
    string TargetDbClusterIdentifier,
    GlobalClusterFailoverMode Mode);
