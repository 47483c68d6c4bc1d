namespace DrLambdas.Shared.Decisions;

/// <summary>
/// When only the recovery Region's own observers see a Region down, the likeliest cause is a network
/// partition between the Regions, not an outage; moving the writer then risks two writers.
/// </summary>
internal static class PartitionRule
{
    /// <summary>True (with the reason recorded) when the failing observations all come from the recovery Region.</summary>
    public static bool LooksLikePartition(DecisionContext context, string region)
    {
        var failing = context.Health(region).Unhealthy.ToList();
        var onlyLocal = failing.Count > 0
            && failing.All(signal => string.Equals(signal.Observer, context.RecoveryRegion, StringComparison.Ordinal));
        if (!onlyLocal)
        {
            return false;
        }

        var outsideViews = context.Health(region).Signals
            .Where(signal => !string.Equals(signal.Observer, context.RecoveryRegion, StringComparison.Ordinal));
        context.Add(
            ReasonCode.PartitionSuspected,
            ReasonTexts.PartitionSuspected(region, context.RecoveryRegion),
            failing.Concat(outsideViews).Select(Evidence.Of));
        return true;
    }
}
