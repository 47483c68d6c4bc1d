using DrLambdas.DrLab.Dns;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>The data plane's answer to one question: the rule applied, every candidate, and the choice a seed makes.</summary>
internal sealed record DnsAnswerDocument(
    string Name, string Type, long Ttl, string Rule, IReadOnlyList<DnsCandidateDocument> Candidates, DnsCandidateDocument? Chosen);

/// <summary>A record set that may answer, its health as Route 53 sees it and its probability (0 when excluded).</summary>
internal sealed record DnsCandidateDocument(
    string? SetIdentifier, string? Region, IReadOnlyList<string> Values, long? Weight, string? HealthCheckId, bool Healthy, double Probability);

/// <summary>A record of the application name's weighted group in <c>/_lab/state</c>.</summary>
internal sealed record DnsRecordDocument(string? SetIdentifier, string? Region, long? Weight, long? Ttl, string? HealthCheckId, bool Healthy);

/// <summary>A Route 53 health check in <c>/_lab/state</c>: its checker model and aggregate status.</summary>
internal sealed record HealthCheckDocument(string Id, string Region, double IntervalSeconds, int FailureThreshold, int Checkers, bool Healthy);

/// <summary>Maps data-plane lookups and the zone's weighted records to the control API's documents.</summary>
internal static class DnsDocuments
{
    /// <summary>The answer document of a lookup with status Answer; <paramref name="chosen"/> is the seeded choice, if any.</summary>
    public static DnsAnswerDocument Answer(ZoneLookup lookup, ResourceRecordSet? chosen, WorldDefinition definition)
    {
        var candidates = lookup.Candidates.Select(c => Candidate(c, definition)).ToList();
        var chosenCandidate = chosen is null ? null : candidates[lookup.Candidates.ToList().FindIndex(c => ReferenceEquals(c.Record, chosen))];
        var ttl = chosen?.Ttl ?? lookup.Candidates.Where(c => c.Probability > 0).Max(c => c.Record.Ttl) ?? 0;
        return new DnsAnswerDocument(lookup.Name, lookup.Type, ttl, lookup.Rule!, candidates, chosenCandidate);
    }

    /// <summary>The weighted records of the application name and their health, for the state document.</summary>
    public static IReadOnlyList<DnsRecordDocument> Records(WorldState world)
    {
        var definition = world.Definition;
        return world.Zone.WeightedGroup(definition.RecordName, definition.RecordType)
            .Select(r => new DnsRecordDocument(
                r.SetIdentifier, Region(r, definition), r.Weight, r.Ttl, r.HealthCheckId,
                r.HealthCheckId is not { } id || world.Checkers.IsHealthCheckHealthy(id)))
            .ToList();
    }

    /// <summary>The lab's health checks, one per Region, with the checker model that decides their status.</summary>
    /// <summary>
    /// The built-in checks, then every check created through the API (a record may carry either; the drill's floors read
    /// the checker model of the one on the record). A created check that probes no lab Region has the region
    /// <c>outside the lab</c>.
    /// </summary>
    public static IReadOnlyList<HealthCheckDocument> HealthChecks(WorldState world) =>
    [
        .. world.Definition.Regions.Select(region => new HealthCheckDocument(
            world.Definition.HealthCheckIds[region],
            region,
            world.Profile.Durations.HealthCheckIntervalSeconds,
            world.Profile.Durations.HealthCheckFailureThreshold,
            world.Checkers.Observations(region).Count,
            world.Checkers.IsHealthy(region))),
        .. world.Checkers.AllCreated.Select(created => new HealthCheckDocument(
            created.Check.Id,
            created.Check.TargetRegion ?? "outside the lab",
            created.Check.Config.RequestInterval,
            created.Check.Config.FailureThreshold,
            created.Observations.Count,
            created.IsHealthy)),
    ];

    private static DnsCandidateDocument Candidate(WeightedCandidate candidate, WorldDefinition definition)
    {
        var r = candidate.Record;
        return new DnsCandidateDocument(r.SetIdentifier, Region(r, definition), r.Values, r.Weight, r.HealthCheckId, candidate.Healthy, candidate.Probability);
    }

    /// <summary>The lab Region a record leads to: by its set identifier, else by its address.</summary>
    private static string? Region(ResourceRecordSet record, WorldDefinition definition) =>
        (record.SetIdentifier is { } id ? definition.RegionOfSetIdentifier(id) : null)
        ?? definition.RecordAddresses.FirstOrDefault(p => record.Values.Contains(p.Value, StringComparer.Ordinal)).Key;
}
