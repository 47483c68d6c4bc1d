using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// Route 53's health checkers: one per checker Region, each probing every Region's endpoint once per interval
/// (checkers staggered evenly across the interval) and changing its verdict after <c>threshold</c> consecutive
/// results that disagree with it. Route 53 considers an endpoint healthy while more than 18 % of checkers do.
/// Health checks created through the API (<see cref="HealthCheckRegistry"/>) each get their own checkers, interval
/// and threshold (<see cref="CreatedCheckers"/>), tracked from their creation or from the world's start.
/// </summary>
internal sealed class HealthCheckers
{
    private const double HealthyFraction = 0.18;

    private readonly WorldDefinition _definition;
    private readonly int _threshold;
    private readonly Dictionary<string, CheckerState[]> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CreatedCheckers> _created = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProfile _profile;
    private readonly HashSet<string> _deletedBuiltIns = new(StringComparer.OrdinalIgnoreCase);

    public HealthCheckers(WorldDefinition definition, TimeProfile profile, DateTimeOffset origin, IEnumerable<CreatedHealthCheck>? created = null)
    {
        _definition = definition;
        _profile = profile;
        _threshold = profile.Durations.HealthCheckFailureThreshold;
        var interval = profile.ToWall(profile.Durations.HealthCheckIntervalSeconds);
        Grid = new PeriodicGrid(origin, TimeSpan.FromTicks(interval.Ticks / WorldDefinition.HealthCheckers.Count));
        foreach (var region in definition.Regions)
        {
            _states[region] = WorldDefinition.HealthCheckers
                .Select(c => new CheckerState(c.Region, c.Address, origin))
                .ToArray();
        }

        foreach (var check in created ?? [])
        {
            Track(check, origin);
        }
    }

    /// <summary>One instant per checker sample; checker k mod N samples at grid index k.</summary>
    public PeriodicGrid Grid { get; }

    /// <summary>The health check of a Region, or null when the id is unknown.</summary>
    public string? RegionOfHealthCheck(string id) => _deletedBuiltIns.Contains(id)
        ? null
        : _definition.HealthCheckIds.FirstOrDefault(p => string.Equals(p.Value, id, StringComparison.OrdinalIgnoreCase)).Key;

    /// <summary>
    /// Deletes a Region's built-in health check (a misconfiguration injected through the control API; the API refuses
    /// to): its id no longer exists and Route 53 stops publishing its HealthCheckStatus, until the lab is reset.
    /// </summary>
    public string DeleteBuiltIn(string region)
    {
        var id = _definition.HealthCheckIds[region];
        _deletedBuiltIns.Add(id);
        return id;
    }

    public IReadOnlyList<CheckerState> Observations(string region) => _states[region];

    /// <summary>Route 53's aggregate verdict on a Region's endpoint.</summary>
    public bool IsHealthy(string region)
    {
        var checkers = _states[region];
        return checkers.Count(c => c.Healthy) > HealthyFraction * checkers.Length;
    }

    /// <summary>Route 53's current status of a health check by id; an unknown id reads as unhealthy.</summary>
    public bool IsHealthCheckHealthy(string id) =>
        _created.TryGetValue(id, out var created) ? created.IsHealthy : RegionOfHealthCheck(id) is { } region && IsHealthy(region);

    /// <summary>Whether a health check with this id exists (built in, or created and not deleted).</summary>
    public bool Exists(string id) => _created.ContainsKey(id) || RegionOfHealthCheck(id) is not null;

    /// <summary>The lab Region a health check probes, built in or created; null when unknown or outside the lab.</summary>
    public string? TargetRegion(string id) => _created.TryGetValue(id, out var created) ? created.Check.TargetRegion : RegionOfHealthCheck(id);

    /// <summary>A created check's checkers, or null for built-in and unknown ids.</summary>
    public CreatedCheckers? Created(string id) => _created.GetValueOrDefault(id);

    /// <summary>The checkers of every health check created through the API, in creation order.</summary>
    public IEnumerable<CreatedCheckers> AllCreated => _created.Values.OrderBy(c => c.Check.CreatedAt);

    /// <summary>Every health check's id and status: the built-in ones, then the created ones in creation order.</summary>
    public IReadOnlyList<(string Id, bool Healthy)> Statuses() =>
        [
            .. _definition.Regions.Where(r => !_deletedBuiltIns.Contains(_definition.HealthCheckIds[r])).Select(r => (_definition.HealthCheckIds[r], IsHealthy(r))),
            .. _created.Values.Select(c => (c.Check.Id, c.IsHealthy)),
        ];

    /// <summary>Starts probing a created check at <paramref name="from"/>.</summary>
    public void Track(CreatedHealthCheck check, DateTimeOffset from) => _created[check.Id] = new CreatedCheckers(check, _profile, from);

    /// <summary>Stops probing a deleted check.</summary>
    public void Forget(string id) => _created.Remove(id);

    /// <summary>The next instant a created check's checker samples, or null when there is none.</summary>
    public DateTimeOffset? NextCreatedSampleAfter(DateTimeOffset instant) =>
        _created.Count == 0 ? null : _created.Values.Min(c => c.Grid.NextAfter(instant));

    /// <summary>Lets every created check whose checker is due at <paramref name="instant"/> sample; true when one did.</summary>
    public bool SampleCreated(DateTimeOffset instant, WorldConditions conditions)
    {
        var sampled = false;
        foreach (var created in _created.Values.Where(c => c.Grid.Contains(instant)))
        {
            created.Sample(instant, conditions, _definition);
            sampled = true;
        }

        return sampled;
    }

    /// <summary>The checker whose turn it is samples every Region's endpoint.</summary>
    public void Sample(DateTimeOffset instant, WorldConditions conditions)
    {
        var index = (int)(Grid.IndexOf(instant) % WorldDefinition.HealthCheckers.Count);
        foreach (var region in _definition.Regions)
        {
            var checker = _states[region][index];
            var health = EndpointHealth.Of(region, conditions);
            checker.Record(instant, health.Healthy, health.CheckerReport(_definition.RecordAddresses[region]), _threshold);
        }
    }
}
