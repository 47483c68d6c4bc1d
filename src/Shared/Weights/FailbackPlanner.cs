using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Weights;

/// <summary>Plans the gradual return of traffic to the primary (e.g. 10/90 → 30/70 → 70/30).</summary>
public static class FailbackPlanner
{
    /// <summary>
    /// One step per configured primary share (<c>DR_FAILBACK_STEPS</c>, out of 100), each followed by the
    /// bake time; a final step restores the normal weights when the last share does not already.
    /// </summary>
    public static FailbackPlan Plan(DrConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var topology = configuration.Topology;
        var bake = (int)configuration.Failback.BakeTime.TotalSeconds;

        var steps = configuration.Failback.StepShares
            .Select(share => new FailbackStep(WeightSets.Of(topology, share, 100 - share), bake))
            .ToList();
        var normal = WeightSets.Normal(topology);
        if (steps.Count == 0 || !steps[^1].Weights.SequenceEqual(normal))
        {
            steps.Add(new FailbackStep(normal, bake));
        }

        return new FailbackPlan(steps, WeightSets.AllTo(topology, topology.Secondary));
    }

    /// <summary>
    /// The steps still ahead from <paramref name="current"/>: those that give the primary a larger share than it
    /// has now. Empty when the primary already has its normal share, so a failback never moves healthy traffic.
    /// </summary>
    public static FailbackPlan Plan(DrConfiguration configuration, IReadOnlyList<RecordWeight> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var full = Plan(configuration);
        var topology = configuration.Topology;
        var share = WeightSets.PrimaryShare(topology, current);
        var ahead = full.Steps.Where(step => WeightSets.PrimaryShare(topology, step.Weights) > share).ToList();
        return full with { Steps = ahead };
    }
}
