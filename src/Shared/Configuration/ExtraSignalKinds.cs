namespace DrLambdas.Shared.Configuration;

/// <summary>
/// The declared kinds of <see cref="ExtraSignal"/>: a closed list so that a typo in the configuration is an error at
/// init, not a signal labelled wrongly in every notice.
/// </summary>
public static class ExtraSignalKinds
{
    /// <summary>An MSK MirrorMaker 2 replication-lag alarm (e.g. on <c>ReplicationLatencyMs</c> or the consumer lag of MM2's group).</summary>
    public const string MskReplicationLag = "msk-replication-lag";

    /// <summary>A database connection-pool saturation alarm (e.g. RDS Proxy <c>DatabaseConnectionsBorrowLatency</c>).</summary>
    public const string DbConnectionPool = "db-connection-pool";

    /// <summary>Any other dependency the application needs healthy in that Region (a cache, a queue's backlog).</summary>
    public const string Dependency = "dependency";

    /// <summary>Every declared kind.</summary>
    public static readonly IReadOnlyList<string> All = [MskReplicationLag, DbConnectionPool, Dependency];
}
