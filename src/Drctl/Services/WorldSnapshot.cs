using DrLambdas.Shared.Domain;

namespace DrLambdas.Drctl.Services;

/// <summary>What the HealthValidator's evidence readers see of both Regions now.</summary>
/// <param name="Signals">Every health observation, Unknown where a source failed.</param>
/// <param name="GlobalCluster">The global database (members, writer, operation in progress).</param>
/// <param name="Replication">The RPO lag of the cluster that would be promoted.</param>
/// <param name="RecentExecutions">Recent failover executions; null when they could not be listed.</param>
/// <param name="CurrentWeights">The weighted records; null when unreadable.</param>
/// <param name="Notes">Evidence gaps.</param>
/// <param name="ObservedAt">When the observation started.</param>
internal sealed record WorldSnapshot(
    IReadOnlyList<HealthSignal> Signals,
    GlobalClusterView GlobalCluster,
    ReplicationStatus Replication,
    IReadOnlyList<RecentExecution>? RecentExecutions,
    IReadOnlyList<RecordWeight>? CurrentWeights,
    IReadOnlyList<string> Notes,
    DateTimeOffset ObservedAt);
