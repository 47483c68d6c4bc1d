namespace DrLambdas.Shared.Decisions;

/// <summary>Failover with data loss only within the budget; beyond it, or unmeasured, a human decides.</summary>
internal static class DataLossRule
{
    public enum Verdict
    {
        WithinBudget,
        BeyondBudget,
        Unknown,
    }

    /// <summary>Compares the measured RPO lag with the budget and records the reason.</summary>
    public static Verdict Evaluate(DecisionContext context)
    {
        var replication = context.Input.Replication;
        var budget = context.Policy.DataLossBudget;
        string[] evidence = [Evidence.Of(replication)];

        if (replication.RpoLag is not { } lag || lag < TimeSpan.Zero)
        {
            context.Add(ReasonCode.ReplicationLagUnknown, ReasonTexts.ReplicationLagUnknown(), evidence);
            return Verdict.Unknown;
        }

        if (lag > budget)
        {
            context.Add(ReasonCode.DataLossBeyondBudget, ReasonTexts.DataLossBeyondBudget(lag, budget), evidence);
            return Verdict.BeyondBudget;
        }

        context.Add(ReasonCode.DataLossWithinBudget, ReasonTexts.DataLossWithinBudget(lag, budget), evidence);
        return Verdict.WithinBudget;
    }
}
