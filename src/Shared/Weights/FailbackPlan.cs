using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Weights;

/// <summary>
/// How traffic returns to the primary after the failback switchover. Rollback rule: if any step's
/// health gate fails, set <see cref="RollbackWeights"/> (everything back on the secondary, which
/// carried the traffic during the outage) and notify.
/// </summary>
/// <param name="Steps">The steps in order; the last restores the normal weights.</param>
/// <param name="RollbackWeights">The weights to set when a health gate fails.</param>
public sealed record FailbackPlan(IReadOnlyList<FailbackStep> Steps, IReadOnlyList<RecordWeight> RollbackWeights);
