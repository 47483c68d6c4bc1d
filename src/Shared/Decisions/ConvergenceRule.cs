using DrLambdas.Shared.Configuration;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Every step is convergent: when the target already holds the writer there is nothing to promote,
/// and at most the traffic still has to follow. Unreadable weights are never taken as converged: the DNS
/// step reads the records itself and changes them only by compare-and-swap, so acting is safe and a guess is not.
/// </summary>
internal static class ConvergenceRule
{
    public static bool TargetIsWriter(DecisionContext context, RegionSite target) =>
        string.Equals(context.Input.GlobalCluster.Writer?.Region, target.Region, StringComparison.Ordinal);

    /// <summary>
    /// Called when the target is the writer: true (already converged) when nothing must change,
    /// false when the Region left behind still receives traffic (or may). Records the reason either way.
    /// </summary>
    public static bool Converged(DecisionContext context, RegionSite from, RegionSite target, bool isFailback)
    {
        var evidence = context.WeightEvidence().ToList();
        if (context.Input.GlobalCluster.Writer is { } writer)
        {
            evidence.Insert(0, Evidence.Of(writer));
        }

        if (isFailback)
        {
            context.Add(ReasonCode.AlreadyConverged, ReasonTexts.AlreadyConvergedFailback(target.Region), evidence);
            return true;
        }

        switch (context.CurrentWeight(from))
        {
            case null:
                context.Add(ReasonCode.WeightsUnknown, ReasonTexts.WeightsUnknownAfterWriterMove(target.Region, from.Region), evidence);
                return false;
            case 0:
                context.Add(ReasonCode.AlreadyConverged, ReasonTexts.AlreadyConvergedWriter(target.Region, from.Region), evidence);
                return true;
            case { } remaining:
                context.Add(ReasonCode.TargetAlreadyWriter, ReasonTexts.TargetAlreadyWriter(target.Region, from.Region, remaining), evidence);
                return false;
        }
    }

    /// <summary>True (with the reason recorded) when the drained Region already receives no traffic.</summary>
    public static bool Drained(DecisionContext context, RegionSite drained)
    {
        switch (context.CurrentWeight(drained))
        {
            case null:
                context.Add(ReasonCode.WeightsUnknown, ReasonTexts.WeightsUnknownDrain(drained.Region), context.WeightEvidence());
                return false;
            case 0:
                context.Add(ReasonCode.AlreadyConverged, ReasonTexts.AlreadyConvergedDrained(drained.Region), context.WeightEvidence());
                return true;
            default:
                return false;
        }
    }
}
