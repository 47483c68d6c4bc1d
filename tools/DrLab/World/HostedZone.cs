using System.Globalization;
using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>The lab's Route 53 hosted zone: its record sets and the history of change batches.</summary>
internal sealed class HostedZone
{
    /// <summary>The record types Route 53 accepts in a hosted zone.</summary>
    public static IReadOnlySet<string> KnownTypes { get; } =
        new HashSet<string>(["A", "AAAA", "CAA", "CNAME", "DS", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "TXT"], StringComparer.Ordinal);

    private readonly WorldDefinition _definition;
    private readonly TimeProfile _profile;
    private readonly Func<string, bool> _healthCheckExists;
    private readonly List<ChangeRecord> _changes = [];
    private List<ResourceRecordSet> _records;

    /// <param name="definition">The world's names.</param>
    /// <param name="profile">The time profile.</param>
    /// <param name="healthCheckExists">Whether a health check id exists (default: the built-in ones).</param>
    public HostedZone(WorldDefinition definition, TimeProfile profile, Func<string, bool>? healthCheckExists = null)
    {
        _definition = definition;
        _profile = profile;
        _healthCheckExists = healthCheckExists
            ?? (id => definition.HealthCheckIds.Values.Contains(id, StringComparer.Ordinal));
        var zone = definition.ZoneName;
        _records =
        [
            new(zone, "NS", null, null, 172800, ["ns-1.awsdns-00.com.", "ns-2.awsdns-00.net."], null, null, null, null),
            new(zone, "SOA", null, null, 900,
                ["ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"], null, null, null, null),
        ];
        var (primaryWeight, secondaryWeight) = definition.NormalWeights;
        foreach (var region in definition.Regions)
        {
            var weight = string.Equals(region, definition.PrimaryRegion, StringComparison.Ordinal) ? primaryWeight : secondaryWeight;
            _records.Add(new ResourceRecordSet(
                definition.RecordName, definition.RecordType, definition.SetIdentifiers[region], weight,
                profile.Durations.DnsTtlSeconds, [definition.RecordAddresses[region]], null,
                definition.HealthCheckIds[region], null, null));
        }
    }

    public string Id => _definition.HostedZoneId;

    /// <summary>
    /// Removes the health check from a Region's weighted record, as an UPSERT without HealthCheckId would (a
    /// misconfiguration injected through the control API); returns the id it had, or null.
    /// </summary>
    public string? Dissociate(string region)
    {
        var setIdentifier = _definition.SetIdentifiers[region];
        var index = _records.FindIndex(r => string.Equals(r.Name, _definition.RecordName, StringComparison.Ordinal)
            && string.Equals(r.Type, _definition.RecordType, StringComparison.Ordinal)
            && string.Equals(r.SetIdentifier, setIdentifier, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var record = _records[index];
        _records[index] = record with { HealthCheckId = null };
        return record.HealthCheckId;
    }

    public IReadOnlyList<ChangeRecord> Changes => _changes;

    /// <summary>All record sets in Route 53's listing order.</summary>
    public IReadOnlyList<ResourceRecordSet> Records => _records
        .OrderBy(r => ResourceRecordSet.SortKey(r.Name), StringComparer.Ordinal)
        .ThenBy(r => r.Type, StringComparer.Ordinal)
        .ThenBy(r => r.SetIdentifier ?? string.Empty, StringComparer.Ordinal)
        .ToList();

    /// <summary>The weight of each Region's weighted record of the API name (absent records are omitted).</summary>
    public IReadOnlyList<(string SetIdentifier, string? Region, long Weight)> Weights() => _records
        .Where(r => string.Equals(r.Name, _definition.RecordName, StringComparison.Ordinal)
                    && string.Equals(r.Type, _definition.RecordType, StringComparison.Ordinal)
                    && r.Weight is not null && r.SetIdentifier is not null)
        .OrderBy(r => r.SetIdentifier, StringComparer.Ordinal)
        .Select(r => (r.SetIdentifier!, _definition.RegionOfSetIdentifier(r.SetIdentifier!), r.Weight!.Value))
        .ToList();

    /// <summary>The weighted records of one name and type (the group Route 53 chooses from), empty when none.</summary>
    public IReadOnlyList<ResourceRecordSet> WeightedGroup(string name, string type) => _records
        .Where(r => string.Equals(r.Name, name, StringComparison.Ordinal)
                    && string.Equals(r.Type, type, StringComparison.Ordinal)
                    && r.Weight is not null)
        .OrderBy(r => r.SetIdentifier, StringComparer.Ordinal)
        .ToList();

    public ChangeRecord? FindChange(string id) =>
        _changes.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Applies a batch atomically, each change validated against the zone as the earlier changes left it; throws
    /// InvalidChangeBatch with every problem found, or InvalidInput / NoSuchHealthCheck for malformed record sets.
    /// </summary>
    public ChangeRecord Apply(IReadOnlyList<RecordChange> changes, string? comment, DateTimeOffset now, WorldConditions conditions)
    {
        if (changes.Count == 0)
        {
            throw new LabError("InvalidInput", "Invalid request: ChangeBatch must contain at least one change.");
        }

        foreach (var change in changes)
        {
            ValidateShape(change.RecordSet);
        }

        var working = new List<ResourceRecordSet>(_records);
        var problems = new List<string>();
        foreach (var change in changes)
        {
            var set = change.RecordSet;
            var existing = working.FirstOrDefault(r => r.Key == set.Key);
            switch (change.Action)
            {
                case "CREATE" when existing is not null:
                    problems.Add($"Tried to create resource record set {set.Describe()} but it already exists");
                    break;
                case "CREATE":
                    working.Add(set);
                    break;
                case "DELETE" when existing is null:
                    problems.Add($"Tried to delete resource record set {set.Describe()} but it was not found");
                    break;
                case "DELETE" when !existing.SameValuesAs(set):
                    problems.Add($"Tried to delete resource record set {set.Describe()} but the values provided do not match the current values");
                    break;
                case "DELETE":
                    working.Remove(existing);
                    break;
                case "UPSERT":
                    if (existing is not null)
                    {
                        working.Remove(existing);
                    }

                    working.Add(set);
                    break;
                default:
                    throw new LabError("InvalidInput",
                        $"Invalid request: Action '{change.Action}' is not one of CREATE, DELETE, UPSERT.");
            }
        }

        if (problems.Count > 0)
        {
            throw new LabError("InvalidChangeBatch", "[" + string.Join(", ", problems) + "]");
        }

        _records = working;
        var id = string.Create(CultureInfo.InvariantCulture, $"C{_changes.Count + 1:D4}DRLAB{now.ToUnixTimeMilliseconds() % 100000:D5}");
        var propagation = _profile.ToWall(_profile.Durations.DnsPropagationSeconds * conditions.DnsPropagationFactor);
        var record = new ChangeRecord(id, now, now + propagation, comment, changes);
        _changes.Add(record);
        return record;
    }

    private void ValidateShape(ResourceRecordSet set)
    {
        if (!KnownTypes.Contains(set.Type))
        {
            throw new LabError("InvalidInput", $"Invalid request: '{set.Type}' is not a valid record type.");
        }

        if (!set.Name.EndsWith(_definition.ZoneName, StringComparison.Ordinal)
            || (set.Name.Length > _definition.ZoneName.Length && set.Name[^(_definition.ZoneName.Length + 1)] != '.'))
        {
            throw new LabError("InvalidChangeBatch",
                $"[RRSet with DNS name {set.Name} is not permitted in zone {_definition.ZoneName}]");
        }

        var hasAlias = set.AliasTarget is not null;
        var hasRecords = set.Ttl is not null && set.Values.Count > 0;
        if (hasAlias == hasRecords || (hasAlias && (set.Ttl is not null || set.Values.Count > 0)))
        {
            throw new LabError("InvalidInput",
                "Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords]], "
                + $"but found {(hasAlias ? "AliasTarget and TTL/ResourceRecords" : "neither")} in Change with [Name={set.Name}, Type={set.Type}, SetIdentifier={set.SetIdentifier}]");
        }

        if (set.Weight is { } weight && (weight < 0 || weight > 255))
        {
            throw new LabError("InvalidInput", $"Invalid request: Weight {weight} is not within [0, 255].");
        }

        if ((set.Weight is not null) != (set.SetIdentifier is not null) && set.Region is null && set.Failover is null)
        {
            throw new LabError("InvalidInput", set.Weight is null
                ? $"Invalid request: A record set with SetIdentifier '{set.SetIdentifier}' needs a routing policy such as Weight."
                : "Invalid request: A weighted record set needs a SetIdentifier.");
        }

        if (set.Ttl is { } ttl && (ttl < 0 || ttl > 2147483647))
        {
            throw new LabError("InvalidInput", $"Invalid request: TTL {ttl} is out of range.");
        }

        if (set.HealthCheckId is { } healthCheck && !_healthCheckExists(healthCheck))
        {
            throw new LabError("NoSuchHealthCheck", $"A health check with the ID {healthCheck} does not exist.", 404);
        }
    }
}
