using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Dns;

/// <summary>Which rule of Route 53's weighted routing with health checks produced an answer's candidate set.</summary>
internal enum WeightedRule
{
    /// <summary>At least one healthy record of non-zero weight: those, by weight.</summary>
    HealthyByWeight,

    /// <summary>Every non-zero record unhealthy (or none exists): the healthy weight-0 records, with equal probability.</summary>
    HealthyZeroWeight,

    /// <summary>Every record unhealthy: answered as if all were healthy.</summary>
    AllUnhealthyAsHealthy,
}

/// <summary>One record that may answer a query, and the probability that it does.</summary>
internal sealed record WeightedCandidate(ResourceRecordSet Record, bool Healthy, double Probability);

/// <summary>The candidate set of one query: the rule applied and every record with its probability (0 when excluded).</summary>
internal sealed record WeightedAnswer(WeightedRule Rule, IReadOnlyList<WeightedCandidate> Candidates)
{
    /// <summary>The record a uniform draw <paramref name="u"/> in [0, 1) selects.</summary>
    public ResourceRecordSet Choose(double u)
    {
        var cumulative = 0.0;
        WeightedCandidate? last = null;
        foreach (var candidate in Candidates.Where(c => c.Probability > 0))
        {
            cumulative += candidate.Probability;
            last = candidate;
            if (u < cumulative)
            {
                return candidate.Record;
            }
        }

        // Rounding can leave the cumulative sum a hair under 1.
        return last!.Record;
    }
}

/// <summary>
/// How Route 53 chooses among the weighted records of one name and type when health checks are associated
/// (Route 53 Developer Guide, "How Amazon Route 53 chooses records when health checking is configured" and
/// "Weighted routing" → "Health checks and weighted routing"): a record without a health check is always healthy;
/// healthy non-zero records are chosen by weight; weight-0 records only when every non-zero record is unhealthy,
/// with equal probability; when every record is unhealthy, as if all were healthy.
/// </summary>
internal static class WeightedRouting
{
    /// <summary>The candidate set for a non-empty group of weighted records.</summary>
    /// <param name="group">Records of one name and type, each with a weight.</param>
    /// <param name="isHealthCheckHealthy">The current status of a health check by id.</param>
    public static WeightedAnswer Answer(IReadOnlyList<ResourceRecordSet> group, Func<string, bool> isHealthCheckHealthy)
    {
        ArgumentOutOfRangeException.ThrowIfZero(group.Count);
        var healthy = group.Select(r => r.HealthCheckId is not { } id || isHealthCheckHealthy(id)).ToArray();
        var indices = Enumerable.Range(0, group.Count).ToArray();
        var healthyNonZero = indices.Where(i => healthy[i] && Weight(group[i]) > 0).ToArray();
        var healthyZero = indices.Where(i => healthy[i] && Weight(group[i]) == 0).ToArray();

        if (healthyNonZero.Length > 0)
        {
            return Build(group, healthy, WeightedRule.HealthyByWeight, ByWeight(group, healthyNonZero));
        }

        if (healthyZero.Length > 0)
        {
            return Build(group, healthy, WeightedRule.HealthyZeroWeight, Equally(healthyZero));
        }

        var nonZero = indices.Where(i => Weight(group[i]) > 0).ToArray();
        var asIfHealthy = nonZero.Length > 0 ? ByWeight(group, nonZero) : Equally(indices);
        return Build(group, healthy, WeightedRule.AllUnhealthyAsHealthy, asIfHealthy);
    }

    private static long Weight(ResourceRecordSet record) => record.Weight ?? 0;

    private static Dictionary<int, double> ByWeight(IReadOnlyList<ResourceRecordSet> group, int[] chosen)
    {
        double total = chosen.Sum(i => Weight(group[i]));
        return chosen.ToDictionary(i => i, i => Weight(group[i]) / total);
    }

    private static Dictionary<int, double> Equally(int[] chosen) => chosen.ToDictionary(i => i, _ => 1.0 / chosen.Length);

    private static WeightedAnswer Build(
        IReadOnlyList<ResourceRecordSet> group, bool[] healthy, WeightedRule rule, Dictionary<int, double> probabilities) =>
        new(rule, group.Select((r, i) => new WeightedCandidate(r, healthy[i], probabilities.GetValueOrDefault(i))).ToList());
}
