using DrLambdas.Shared.Decisions;

namespace DrLambdas.Shared.Domain;

/// <summary>A recent execution of the failover state machine.</summary>
/// <param name="ExecutionId">Its execution ARN.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Status">Its status.</param>
/// <param name="StoppedAt">When it stopped, or null while running.</param>
/// <param name="Action">The action its assessment decided, or null when unknown (the cooldown then
/// counts it as a promotion, to stay on the safe side).</param>
/// <param name="Promoted">Whether it moved (or may have moved) the writer, as its history shows: false only when
/// the history proves nothing was promoted (a FAILED or ABORTED run that never started a promotion, or whose
/// promotion Aurora reported as failed); null when not known, which leaves <paramref name="Action"/> to decide.</param>
public sealed record RecentExecution(
    string ExecutionId,
    DateTimeOffset StartedAt,
    ExecutionStatus Status,
    DateTimeOffset? StoppedAt,
    DecisionAction? Action,
    bool? Promoted = null);
