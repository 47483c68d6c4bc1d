using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Switchover before failover: a switchover (RPO 0) needs the writer in the Region being left to be
/// available and reachable, and the target to be replicating.
/// </summary>
internal static class DatabaseRule
{
    /// <summary>Whether a switchover from <paramref name="from"/> to <paramref name="target"/> can work; records the reason.</summary>
    public static bool CanSwitchover(DecisionContext context, RegionSite from, RegionSite target)
    {
        var view = context.Input.GlobalCluster;
        var writer = view.Writer;
        var targetMember = view.MemberIn(target.Region);
        var unreachable = context.Health(from.Region).Unhealthy.Where(signal => signal.Kind == SignalKind.DatabaseEndpoint).ToList();
        var problems = new List<string>();

        if (writer is null || !string.Equals(writer.Region, from.Region, StringComparison.Ordinal))
        {
            problems.Add(ReasonTexts.WriterNotIn(from.Region, writer?.Region));
        }
        else if (!writer.IsAvailable)
        {
            problems.Add(ReasonTexts.WriterNotAvailable(from.Region, writer.Status));
        }

        if (unreachable.Count > 0)
        {
            problems.Add(ReasonTexts.WriterUnreachable(from.Region, unreachable.Count));
        }

        // The target's membership was already required by TargetHealthRule; an absent member reads as Unknown.
        var synchronisation = targetMember?.Synchronisation ?? SynchronisationStatus.Unknown;
        if (synchronisation != SynchronisationStatus.Connected)
        {
            problems.Add(ReasonTexts.TargetNotSynchronised(target.Region, synchronisation));
        }

        var evidence = view.Members.Select(Evidence.Of).Concat(unreachable.Select(Evidence.Of)).ToList();
        if (problems.Count == 0)
        {
            context.Add(ReasonCode.DatabaseSynchronised, ReasonTexts.DatabaseSynchronised(from.Region, target.Region), evidence);
            return true;
        }

        context.Add(ReasonCode.DatabaseNotSynchronised, ReasonTexts.DatabaseNotSynchronised(problems), evidence);
        return false;
    }
}
