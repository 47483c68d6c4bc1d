using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Anti-flapping: no failover within the cooldown of the last execution that promoted (or may have:
/// an execution whose decision is unknown counts, to stay on the safe side; one whose history proves it
/// promoted nothing does not). Running executions are left to <see cref="ConcurrencyRule"/>.
/// </summary>
internal static class CooldownRule
{
    /// <summary>True (with the reason recorded) when the cooldown is active.</summary>
    public static bool IsActive(DecisionContext context)
    {
        var cooldown = context.Policy.Cooldown;
        var now = context.Input.Now;
        var last = (context.Input.RecentExecutions ?? [])
            .Where(execution => !string.Equals(execution.ExecutionId, context.Input.CurrentExecution.ExecutionId, StringComparison.Ordinal))
            .Where(execution => execution.Status != ExecutionStatus.Running)
            .Where(MayHavePromoted)
            .Select(execution => (Execution: execution, At: execution.StoppedAt ?? execution.StartedAt))
            .Where(entry => entry.At <= now)
            .OrderByDescending(entry => entry.At)
            .ThenBy(entry => entry.Execution.ExecutionId, StringComparer.Ordinal)
            .FirstOrDefault();

        if (last.Execution is null || now >= last.At + cooldown)
        {
            return false;
        }

        context.Add(
            ReasonCode.CooldownActive,
            ReasonTexts.CooldownActive(last.Execution.ExecutionId, last.At, cooldown, last.At + cooldown),
            [Evidence.Of(last.Execution)]);
        return true;
    }

    /// <summary>What its history shows wins; without it, a decided (or unknown) writer move counts.</summary>
    private static bool MayHavePromoted(RecentExecution execution) =>
        execution.Promoted ?? execution.Action is null or DecisionAction.Failover or DecisionAction.Switchover;
}
