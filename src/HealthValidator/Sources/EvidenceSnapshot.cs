using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Pause;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>Everything gathered about both Regions for one decision.</summary>
/// <param name="Signals">Health observations, including Unknown ones for sources that failed.</param>
/// <param name="GlobalCluster">The global database.</param>
/// <param name="Replication">The RPO lag of the cluster that would be promoted.</param>
/// <param name="RecentExecutions">Running and recent executions of the failover state machine; null when unreadable.</param>
/// <param name="CurrentWeights">The weighted records now; null when they could not be read.</param>
/// <param name="Notes">Evidence gaps worth telling an operator.</param>
/// <param name="Pause">The pause of automatic failover as read now.</param>
internal sealed record EvidenceSnapshot(
    IReadOnlyList<HealthSignal> Signals,
    GlobalClusterView GlobalCluster,
    ReplicationStatus Replication,
    IReadOnlyList<RecentExecution>? RecentExecutions,
    IReadOnlyList<RecordWeight>? CurrentWeights,
    IReadOnlyList<string> Notes,
    PauseState Pause)
{
    /// <summary>The extra health signals of both Regions: evidence, never a quorum vote.</summary>
    public IReadOnlyList<ExtraSignalReading> ExtraSignals { get; init; } = [];
}
