using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Dns;

/// <summary>What the lab's authoritative data plane finds for one question.</summary>
internal enum ZoneLookupStatus
{
    /// <summary>Record sets of the asked type (or a CNAME at the name): an answer.</summary>
    Answer,

    /// <summary>The name exists in the zone (or is an empty non-terminal) without records of that type: NOERROR, no answer.</summary>
    NoData,

    /// <summary>The name is inside the zone and does not exist: NXDOMAIN.</summary>
    NxDomain,

    /// <summary>The name is not in the hosted zone: the server is not authoritative and refuses.</summary>
    OutsideZone,

    /// <summary>Record sets the lab's data plane does not answer (latency, failover or alias records).</summary>
    Unsupported,
}

/// <summary>
/// The candidate set for one name and type: the rule applied ("Simple" for a non-weighted record set, else a
/// <see cref="WeightedRule"/> name), every record set that may answer and its probability.
/// </summary>
internal sealed record ZoneLookup(
    ZoneLookupStatus Status,
    string Name,
    string Type,
    string? Rule,
    IReadOnlyList<WeightedCandidate> Candidates,
    ResourceRecordSet? Soa,
    string? Problem = null)
{
    /// <summary>The rule name of a single non-weighted record set.</summary>
    public const string SimpleRule = "Simple";

    /// <summary>The record set a uniform draw <paramref name="u"/> in [0, 1) selects (only for an answer).</summary>
    public ResourceRecordSet Choose(double u) => new WeightedAnswer(WeightedRule.HealthyByWeight, Candidates).Choose(u);

    /// <summary>
    /// Looks a question up in the zone as Route 53 answers it: weighted groups through <see cref="WeightedRouting"/>
    /// with the health checks' current status, a simple record set as it is, a CNAME at the name for any other type.
    /// </summary>
    public static ZoneLookup Find(HostedZone zone, string zoneName, string name, string type, Func<string, bool> isHealthCheckHealthy)
    {
        var records = zone.Records;
        var soa = records.FirstOrDefault(r => r.Name == zoneName && r.Type == "SOA");
        if (name != zoneName && !name.EndsWith("." + zoneName, StringComparison.Ordinal))
        {
            return new ZoneLookup(ZoneLookupStatus.OutsideZone, name, type, null, [], null);
        }

        var atName = records.Where(r => r.Name == name).ToList();
        var group = atName.Where(r => r.Type == type).ToList();
        if (group.Count == 0 && type != "CNAME")
        {
            group = atName.Where(r => r.Type == "CNAME").ToList();
        }

        if (group.Count == 0)
        {
            var exists = atName.Count > 0 || records.Any(r => r.Name.EndsWith("." + name, StringComparison.Ordinal));
            return new ZoneLookup(exists ? ZoneLookupStatus.NoData : ZoneLookupStatus.NxDomain, name, type, null, [], soa);
        }

        var groupType = group[0].Type;
        if (group.Any(r => r.AliasTarget is not null || r.Region is not null || r.Failover is not null))
        {
            return new ZoneLookup(ZoneLookupStatus.Unsupported, name, groupType, null, [], soa,
                "The lab's data plane answers simple and weighted non-alias record sets only.");
        }

        if (group.All(r => r.Weight is not null))
        {
            var answer = WeightedRouting.Answer(zone.WeightedGroup(name, groupType), isHealthCheckHealthy);
            return new ZoneLookup(ZoneLookupStatus.Answer, name, groupType, answer.Rule.ToString(), answer.Candidates, soa);
        }

        if (group.Count > 1)
        {
            return new ZoneLookup(ZoneLookupStatus.Unsupported, name, groupType, null, [], soa,
                "The record sets of this name and type mix routing policies.");
        }

        // A simple record set answers as it is: Route 53 does not act on a health check associated with it.
        var simple = group[0];
        var healthy = simple.HealthCheckId is not { } id || isHealthCheckHealthy(id);
        return new ZoneLookup(ZoneLookupStatus.Answer, name, groupType, SimpleRule, [new WeightedCandidate(simple, healthy, 1)], soa);
    }
}
