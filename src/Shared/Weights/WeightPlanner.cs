using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Weights;

/// <summary>Turns a decision into the Route 53 weights the DNS step converges to.</summary>
public static class WeightPlanner
{
    /// <summary>
    /// The desired weights of both records (primary first), each within 0–255 and never all zero:
    /// Switchover/Failover and DrainSecondary send everything to the target (failed Region 0, target
    /// 100); a failback switchover goes to the next failback step above the primary's current share.
    /// None, Escalate and Abort change nothing and return an empty list. With unknown current weights
    /// (null) a failback starts at its first, smallest step: it never sends the primary more than planned.
    /// </summary>
    /// <exception cref="ArgumentException">A traffic-moving decision names a Region that is not managed.</exception>
    public static IReadOnlyList<RecordWeight> PlanWeights(
        Decision decision,
        IReadOnlyList<RecordWeight>? currentWeights,
        DrConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!decision.MovesTraffic)
        {
            return [];
        }

        var topology = configuration.Topology;
        var target = topology.Find(decision.TargetRegion)
            ?? throw new ArgumentException($"The decision's target Region '{decision.TargetRegion}' is not managed.", nameof(decision));

        if (decision.IsFailback && decision.Action == DecisionAction.Switchover)
        {
            return NextFailbackStep(configuration, currentWeights);
        }

        return WeightSets.AllTo(topology, target);
    }

    /// <summary>The first failback step that sends the primary more than it gets now, so a resumed failback never steps back.</summary>
    private static IReadOnlyList<RecordWeight> NextFailbackStep(DrConfiguration configuration, IReadOnlyList<RecordWeight>? currentWeights)
    {
        var topology = configuration.Topology;
        var steps = FailbackPlanner.Plan(configuration).Steps;
        if (currentWeights is null)
        {
            return steps[0].Weights;
        }

        var currentShare = WeightSets.PrimaryShare(topology, currentWeights);
        return steps.FirstOrDefault(step => WeightSets.PrimaryShare(topology, step.Weights) > currentShare)?.Weights
            ?? steps[^1].Weights;
    }
}
