using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Decisions;

/// <summary>Only one execution acts at a time: a later one sees an earlier running one and does nothing.</summary>
internal static class ConcurrencyRule
{
    /// <summary>True (with the reason recorded) when an earlier execution is still running.</summary>
    public static bool DefersToEarlierExecution(DecisionContext context)
    {
        var current = context.Input.CurrentExecution;
        if (context.Input.RecentExecutions is not { } executions)
        {
            return false;
        }

        var earlier = executions
            .Where(execution => execution.Status == ExecutionStatus.Running)
            .Where(execution => !string.Equals(execution.ExecutionId, current.ExecutionId, StringComparison.Ordinal))
            .Where(execution => StartedBefore(execution, current))
            .OrderBy(execution => execution.StartedAt)
            .ThenBy(execution => execution.ExecutionId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (earlier is null)
        {
            return false;
        }

        context.Add(
            ReasonCode.DeferredToEarlierExecution,
            ReasonTexts.DeferredToEarlierExecution(earlier.ExecutionId, earlier.StartedAt),
            [Evidence.Of(earlier)]);
        return true;
    }

    /// <summary>
    /// True (with the reason recorded) when the executions could not be read: another one may be running or may
    /// just have moved the writer, so moving it now could act twice or flap.
    /// </summary>
    public static bool HistoryUnknown(DecisionContext context)
    {
        if (context.Input.RecentExecutions is not null)
        {
            return false;
        }

        context.Add(ReasonCode.ExecutionHistoryUnknown, ReasonTexts.ExecutionHistoryUnknown(), [Evidence.ExecutionsUnreadable]);
        return true;
    }

    // Equal start times are broken by execution id so that exactly one of two simultaneous executions acts.
    private static bool StartedBefore(RecentExecution other, ExecutionIdentity current) =>
        other.StartedAt < current.StartedAt
        || (other.StartedAt == current.StartedAt && string.CompareOrdinal(other.ExecutionId, current.ExecutionId) < 0);
}
