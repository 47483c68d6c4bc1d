using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>
/// Misconfigurations injected through <c>POST /_lab/misconfigurations</c>: the drift a readiness evaluation exists to
/// find. Unlike faults they have no time window; the world parts (health checks, records, the global cluster) last
/// until <c>POST /_lab/reset</c>, the deployed parts (subscriptions, alarms) until the stack is deployed again.
/// </summary>
internal static class Misconfigurations
{
    /// <summary>The kinds, with the fields each needs.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DeleteHealthCheck"] = "region",
        ["DissociateHealthCheck"] = "region",
        ["DetachCluster"] = "region",
        ["RemoveSubscriptions"] = "topicArn (optional: every topic)",
        ["DeleteAlarm"] = "name, region",
    };

    /// <summary>Applies one misconfiguration; returns what changed, or throws <see cref="LabError"/> when it cannot apply.</summary>
    public static string Apply(MisconfigurationDocument request, WorldState state)
    {
        var definition = state.Definition;
        string Region() => request.Region is { } region && definition.IsLabRegion(region)
            ? region
            : throw new LabError("InvalidMisconfiguration", $"{request.Kind} needs region, one of {string.Join(", ", definition.Regions)}.");

        switch (request.Kind)
        {
            case "DeleteHealthCheck":
                return $"health check {state.Checkers.DeleteBuiltIn(Region())} deleted";
            case "DissociateHealthCheck":
            {
                var region = Region();
                return state.Zone.Dissociate(region) is { } id
                    ? $"record of {region} no longer gated by health check {id}"
                    : throw new LabError("InvalidMisconfiguration", $"{region} has no weighted record with a health check.");
            }

            case "DetachCluster":
            {
                var region = Region();
                state.Database.Detach(region);
                return $"cluster {definition.ClusterArn(region)} removed from global cluster {definition.GlobalClusterId}";
            }

            case "RemoveSubscriptions":
                return $"{state.Deployment.RemoveSubscriptions(request.TopicArn)} subscription(s) removed";
            case "DeleteAlarm":
            {
                var name = request.Name ?? throw new LabError("InvalidMisconfiguration", "DeleteAlarm needs name.");
                var region = request.Region ?? throw new LabError("InvalidMisconfiguration", "DeleteAlarm needs region (the alarm's, e.g. us-east-1).");
                var deployed = state.Deployment.DeleteAlarm(region, name);
                return state.Alarms.Delete(region, name) || deployed
                    ? $"alarm {name} deleted in {region}"
                    : throw new LabError("InvalidMisconfiguration", $"No alarm {name} in {region}.");
            }

            default:
                throw new LabError("InvalidMisconfiguration",
                    $"kind must be one of {string.Join(", ", Kinds.Select(kind => $"{kind.Key} ({kind.Value})"))}.");
        }
    }
}
