using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Failover with data loss only within the budget; beyond it, or unmeasured, a human decides. A measurement older
/// than <see cref="DecisionPolicy.RpoLagMaxAge"/> (or of unknown age) and the lag of a target in
/// <c>pending-resync</c> (it is not replicating, so the metric no longer describes what it misses) are unmeasured.
/// </summary>
internal static class DataLossRule
{
    public enum Verdict
    {
        WithinBudget,
        BeyondBudget,
        Unknown,
    }

    /// <summary>Compares the measured RPO lag with the budget and records the reason.</summary>
    public static Verdict Evaluate(DecisionContext context, RegionSite target)
    {
        var replication = context.Input.Replication;
        var budget = context.Policy.DataLossBudget;
        var maxAge = context.Policy.RpoLagMaxAge;
        List<string> evidence = [Evidence.Of(replication)];

        if (context.Input.GlobalCluster.MemberIn(target.Region) is { Synchronisation: SynchronisationStatus.PendingResync } member)
        {
            evidence.Add(Evidence.Of(member));
            context.Add(ReasonCode.TargetPendingResync, ReasonTexts.TargetPendingResync(target.Region), evidence);
            return Verdict.Unknown;
        }

        if (replication.RpoLag is not { } lag || lag < TimeSpan.Zero)
        {
            context.Add(ReasonCode.ReplicationLagUnknown, ReasonTexts.ReplicationLagUnknown(), evidence);
            return Verdict.Unknown;
        }

        if (replication.MeasuredAt is not { } measuredAt || context.Input.Now - measuredAt > maxAge)
        {
            context.Add(ReasonCode.ReplicationLagStale, ReasonTexts.ReplicationLagStale(replication.MeasuredAt, maxAge), evidence);
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
