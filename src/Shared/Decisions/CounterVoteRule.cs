using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// The counter-vote: when a probe from the recovery Region sees the Region being left working, that Region is
/// serving the very place that would take over. However many other signals call it down, losing committed
/// writes is then never the answer (force included); a switchover (RPO 0) stays possible, because it is
/// decided before this rule is asked.
/// </summary>
internal static class CounterVoteRule
{
    /// <summary>True (with the reason recorded) when a recovery-Region probe sees <paramref name="from"/> up.</summary>
    public static bool VetoesDataLoss(DecisionContext context, RegionSite from)
    {
        var healthy = context.Health(from.Region).Signals
            .Where(signal => signal.Kind == SignalKind.Probe && signal.Verdict == Verdict.Healthy)
            .Where(signal => string.Equals(signal.Observer, context.RecoveryRegion, StringComparison.Ordinal))
            .ToList();
        if (healthy.Count == 0)
        {
            return false;
        }

        context.Add(ReasonCode.HealthyProbeCounterVote, ReasonTexts.HealthyProbeCounterVote(from.Region, context.RecoveryRegion), healthy.Select(Evidence.Of));
        return true;
    }
}
