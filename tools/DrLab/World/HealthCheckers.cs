using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// Route 53's health checkers: one per checker Region, each probing every Region's endpoint once per interval
/// (checkers staggered evenly across the interval) and changing its verdict after <c>threshold</c> consecutive
/// results that disagree with it. Route 53 considers an endpoint healthy while more than 18 % of checkers do.
/// </summary>
internal sealed class HealthCheckers
{
    private const double HealthyFraction = 0.18;

    private readonly WorldDefinition _definition;
    private readonly int _threshold;
    private readonly Dictionary<string, CheckerState[]> _states = new(StringComparer.Ordinal);

    public HealthCheckers(WorldDefinition definition, TimeProfile profile, DateTimeOffset origin)
    {
        _definition = definition;
        _threshold = profile.Durations.HealthCheckFailureThreshold;
        var interval = profile.ToWall(profile.Durations.HealthCheckIntervalSeconds);
        Grid = new PeriodicGrid(origin, TimeSpan.FromTicks(interval.Ticks / WorldDefinition.HealthCheckers.Count));
        foreach (var region in definition.Regions)
        {
            _states[region] = WorldDefinition.HealthCheckers
                .Select(c => new CheckerState(c.Region, c.Address, origin))
                .ToArray();
        }
    }

    /// <summary>One instant per checker sample; checker k mod N samples at grid index k.</summary>
    public PeriodicGrid Grid { get; }

    /// <summary>The health check of a Region, or null when the id is unknown.</summary>
    public string? RegionOfHealthCheck(string id) =>
        _definition.HealthCheckIds.FirstOrDefault(p => string.Equals(p.Value, id, StringComparison.OrdinalIgnoreCase)).Key;

    public IReadOnlyList<CheckerState> Observations(string region) => _states[region];

    /// <summary>Route 53's aggregate verdict on a Region's endpoint.</summary>
    public bool IsHealthy(string region)
    {
        var checkers = _states[region];
        return checkers.Count(c => c.Healthy) > HealthyFraction * checkers.Length;
    }

    /// <summary>Route 53's current status of a health check by id; an unknown id reads as unhealthy.</summary>
    public bool IsHealthCheckHealthy(string id) => RegionOfHealthCheck(id) is { } region && IsHealthy(region);

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
