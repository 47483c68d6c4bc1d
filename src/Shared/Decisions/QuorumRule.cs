namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Holistic detection: a Region is down only when at least a quorum of signal kinds say so by
/// majority, and at least one of those failing observations comes from outside the recovery Region.
/// </summary>
internal static class QuorumRule
{
    /// <summary>Whether <paramref name="region"/> is down; records the reason under the given codes.</summary>
    public static bool IsDown(DecisionContext context, string region, ReasonCode downCode, ReasonCode notDownCode)
    {
        var health = context.Health(region);
        var agreeing = health.KindsVotingUnhealthy;
        var failing = health.Unhealthy.Where(signal => agreeing.Contains(signal.Kind)).ToList();
        var evidence = failing.Select(Evidence.Of).ToList();
        var outsideAgrees = failing.Any(signal => !string.Equals(signal.Observer, context.RecoveryRegion, StringComparison.Ordinal));

        if (agreeing.Count < context.Policy.Quorum)
        {
            context.Add(notDownCode, ReasonTexts.RegionNotDownTooFewKinds(region, agreeing, context.Policy.Quorum), health.Signals.Select(Evidence.Of));
            return false;
        }

        if (!outsideAgrees)
        {
            context.Add(notDownCode, ReasonTexts.RegionNotDownNoOutsideObserver(region, context.RecoveryRegion), health.Signals.Select(Evidence.Of));
            return false;
        }

        context.Add(downCode, ReasonTexts.RegionDown(region, agreeing, context.Policy.Quorum, context.RecoveryRegion), evidence);
        return true;
    }
}
