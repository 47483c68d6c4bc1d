using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Pause;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.Shared.Decisions;

/// <summary>Everything <see cref="DecisionEngine.Decide"/> looks at; the decision depends on nothing else.</summary>
/// <param name="Trigger">Why this execution runs.</param>
/// <param name="Configuration">Topology and policy.</param>
/// <param name="Signals">Health observations of both Regions.</param>
/// <param name="GlobalCluster">The Aurora global database.</param>
/// <param name="Replication">The latest RPO lag measurement.</param>
/// <param name="CurrentExecution">The execution deciding now.</param>
/// <param name="RecentExecutions">Recent executions of the failover state machine (the current one may be included);
/// null when they could not be read: unknown, never replaced by a guess.</param>
/// <param name="CurrentWeights">The weighted records as they are now; null when they could not be read.</param>
/// <param name="Now">The current time.</param>
/// <param name="Pause">The pause of automatic failover as read for this decision; null means no pause parameter is configured.</param>
public sealed record DecisionInput(
    Trigger Trigger,
    DrConfiguration Configuration,
    IReadOnlyList<HealthSignal> Signals,
    GlobalClusterView GlobalCluster,
    ReplicationStatus Replication,
    ExecutionIdentity CurrentExecution,
    IReadOnlyList<RecentExecution>? RecentExecutions,
    IReadOnlyList<RecordWeight>? CurrentWeights,
    DateTimeOffset Now,
    PauseState? Pause = null)
{
    /// <summary>
    /// The extra health signals of both Regions (<see cref="Configuration.ExtraSignal"/>): reported as evidence, never
    /// counted toward a quorum, never a reason to act.
    /// </summary>
    public IReadOnlyList<ExtraSignalReading> ExtraSignals { get; init; } = [];
}
