using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// The checkers of one health check created through the API: one per checker Region it names (all eight by default),
/// staggered evenly over its own RequestInterval, each changing its verdict after FailureThreshold consecutive results
/// that disagree with it. A new check is healthy until there is enough data (Route 53 Developer Guide). A disabled
/// check is always healthy; an inverted one reports the opposite of what the checkers see.
/// </summary>
internal sealed class CreatedCheckers
{
    private const double HealthyFraction = 0.18;

    private const string Unreachable =
        "Failure: Connection timed out. The endpoint or the internet connection is down, or requests are being blocked by your firewall.";

    private readonly CheckerState[] _states;

    public CreatedCheckers(CreatedHealthCheck check, TimeProfile profile, DateTimeOffset origin)
    {
        Check = check;
        var regions = check.Config.Regions.Count == 0
            ? WorldDefinition.HealthCheckers
            : WorldDefinition.HealthCheckers.Where(c => check.Config.Regions.Contains(c.Region, StringComparer.Ordinal)).ToList();
        _states = regions.Select(c => new CheckerState(c.Region, c.Address, origin)).ToArray();
        var interval = profile.ToWall(check.Config.RequestInterval);
        Grid = new PeriodicGrid(origin, TimeSpan.FromTicks(interval.Ticks / _states.Length));
    }

    public CreatedHealthCheck Check { get; }

    /// <summary>One instant per checker sample; checker k mod N samples at grid index k.</summary>
    public PeriodicGrid Grid { get; }

    public IReadOnlyList<CheckerState> Observations => _states;

    /// <summary>Route 53's aggregate status of the check.</summary>
    public bool IsHealthy
    {
        get
        {
            if (Check.Config.Disabled)
            {
                return true;
            }

            var seen = _states.Count(c => c.Healthy) > HealthyFraction * _states.Length;
            return Check.Config.Inverted ? !seen : seen;
        }
    }

    /// <summary>The checker whose turn it is probes the check's endpoint.</summary>
    public void Sample(DateTimeOffset instant, WorldConditions conditions, WorldDefinition definition)
    {
        var checker = _states[(int)(Grid.IndexOf(instant) % _states.Length)];
        if (Check.TargetRegion is not { } region)
        {
            checker.Record(instant, false, Unreachable, Check.Config.FailureThreshold);
            return;
        }

        var health = EndpointHealth.Of(region, conditions);
        checker.Record(instant, health.Healthy, health.CheckerReport(definition.RecordAddresses[region]), Check.Config.FailureThreshold);
    }
}
