using DrLambdas.Functions.Common;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Errors;

namespace DrLambdas.AuroraPromoter;

/// <summary>A validated promotion request: which configured cluster becomes the writer, and how.</summary>
/// <param name="Site">The Region whose cluster is promoted.</param>
/// <param name="Action">Switchover or Failover.</param>
internal sealed record PromotionTarget(RegionSite Site, DecisionAction Action)
{
    public string ClusterArn => Site.ClusterArn;

    /// <summary>Validates a <c>start</c> request against the configuration.</summary>
    /// <exception cref="InputValidationException">A field is missing, unknown or inconsistent with the others.</exception>
    public static PromotionTarget From(PromotionStartRequest request, DrTopology topology)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(topology);
        ContractReader.NonBlank(request.IncidentId, "incidentId");
        var action = request.Action switch
        {
            nameof(DecisionAction.Switchover) => DecisionAction.Switchover,
            nameof(DecisionAction.Failover) => DecisionAction.Failover,
            _ => throw new InputValidationException("action", $"must be Switchover or Failover, got '{request.Action}'"),
        };
        var site = SiteOf(request.TargetClusterArn, topology);
        if (!string.Equals(request.TargetRegion, site.Region, StringComparison.Ordinal))
        {
            throw new InputValidationException("targetRegion", $"'{request.TargetRegion}' is not the Region of targetClusterArn ({site.Region})");
        }

        if (request.AllowDataLoss != (action == DecisionAction.Failover))
        {
            throw new InputValidationException("allowDataLoss",
                $"must be true for Failover and false for Switchover; got {(request.AllowDataLoss ? "true" : "false")} for {action}");
        }

        return new PromotionTarget(site, action);
    }

    /// <summary>The configured site whose cluster is <paramref name="clusterArn"/>.</summary>
    /// <exception cref="InputValidationException">The cluster is not one of the two managed clusters.</exception>
    public static RegionSite SiteOf(string clusterArn, DrTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ContractReader.NonBlank(clusterArn, "targetClusterArn");
        return topology.Sites.FirstOrDefault(site => string.Equals(site.ClusterArn, clusterArn, StringComparison.Ordinal))
            ?? throw new InputValidationException("targetClusterArn",
                $"'{clusterArn}' is not a managed cluster ({topology.Primary.ClusterArn}, {topology.Secondary.ClusterArn})");
    }
}
