using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Weights;

/// <summary>Builds the two records' weights, primary first.</summary>
internal static class WeightSets
{
    public static IReadOnlyList<RecordWeight> Of(DrTopology topology, int primaryWeight, int secondaryWeight) =>
    [
        new RecordWeight(topology.Primary.SetIdentifier, topology.Primary.Region, primaryWeight),
        new RecordWeight(topology.Secondary.SetIdentifier, topology.Secondary.Region, secondaryWeight),
    ];

    /// <summary>All traffic to <paramref name="target"/>.</summary>
    public static IReadOnlyList<RecordWeight> AllTo(DrTopology topology, RegionSite target) =>
        target.Role == RegionRole.Primary ? Of(topology, 100, 0) : Of(topology, 0, 100);

    public static IReadOnlyList<RecordWeight> Normal(DrTopology topology) =>
        Of(topology, topology.Primary.NormalWeight, topology.Secondary.NormalWeight);

    /// <summary>The primary's share of the traffic in percent (0 when there is no traffic at all).</summary>
    public static double PrimaryShare(DrTopology topology, IReadOnlyList<RecordWeight> weights)
    {
        int WeightOf(RegionSite site) => weights.WithSetIdentifier(site.SetIdentifier)?.Weight ?? 0;

        var primary = WeightOf(topology.Primary);
        var total = primary + WeightOf(topology.Secondary);
        return total == 0 ? 0 : 100.0 * primary / total;
    }
}
