using DrLambdas.Shared.Configuration;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Secondary failure: drain the failed Region in DNS and touch no database. Gates: one acting
/// execution, quorum, the drained Region is not the writer, healthy target, not already drained.
/// </summary>
internal static class DrainPath
{
    public static Decision Decide(DecisionContext context, RegionSite drained, RegionSite target)
    {
        Decision Finish(DecisionAction action) => context.Finish(action, drained, target);

        if (ConcurrencyRule.DefersToEarlierExecution(context)
            || !QuorumRule.IsDown(context, drained.Region, ReasonCode.SecondaryDownByQuorum, ReasonCode.SecondaryNotDownByQuorum))
        {
            return Finish(DecisionAction.None);
        }

        if (context.Input.GlobalCluster.Writer is { } writer && string.Equals(writer.Region, drained.Region, StringComparison.Ordinal))
        {
            context.Add(ReasonCode.DrainRegionIsWriter, ReasonTexts.DrainRegionIsWriter(drained.Region), [Evidence.Of(writer)]);
            return Finish(DecisionAction.Escalate);
        }

        if (!TargetHealthRule.IsHealthy(context, target))
        {
            return Finish(DecisionAction.Abort);
        }

        return ConvergenceRule.Drained(context, drained)
            ? Finish(DecisionAction.None)
            : Finish(DecisionAction.DrainSecondary);
    }
}
