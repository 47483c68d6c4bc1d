using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// One CloudWatch alarm per Region on Route 53's HealthCheckStatus of that Region's endpoint (Minimum &lt; 1 over one
/// period): ALARM when Route 53 saw the endpoint unhealthy at any time during the last period, OK otherwise. The
/// alarms exist in every lab Region (the functions run in the recovery Region).
/// </summary>
internal sealed class AlarmBoard
{
    private readonly WorldDefinition _definition;
    private readonly Dictionary<string, AlarmState> _alarms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _breachedThisPeriod = new(StringComparer.Ordinal);

    public AlarmBoard(WorldDefinition definition, TimeProfile profile, DateTimeOffset origin)
    {
        _definition = definition;
        Grid = new PeriodicGrid(origin, profile.ToWall(profile.Durations.AlarmPeriodSeconds));
        PeriodSeconds = (int)profile.Durations.AlarmPeriodSeconds;
        CreatedAt = origin;
        foreach (var region in definition.Regions)
        {
            _alarms[region] = new AlarmState(definition.AlarmName(region), region, definition.HealthCheckIds[region], origin);
        }
    }

    public PeriodicGrid Grid { get; }

    public int PeriodSeconds { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The alarms, in the order of the lab's Regions (primary first).</summary>
    public IReadOnlyList<AlarmState> All => _definition.Regions.Select(r => _alarms[r]).ToList();

    /// <summary>Called after every Route 53 checker sample.</summary>
    public void ObserveHealth(HealthCheckers checkers)
    {
        foreach (var region in _definition.Regions.Where(r => !checkers.IsHealthy(r)))
        {
            _breachedThisPeriod.Add(region);
        }
    }

    public void Evaluate(DateTimeOffset instant, HealthCheckers checkers)
    {
        foreach (var (region, alarm) in _alarms)
        {
            var breached = _breachedThisPeriod.Contains(region) || !checkers.IsHealthy(region);
            alarm.Evaluate(instant, breached, PeriodSeconds);
        }

        _breachedThisPeriod.Clear();
    }

    public static string ArnOf(AlarmState alarm, string region) =>
        $"arn:aws:cloudwatch:{region}:{WorldDefinition.AccountId}:alarm:{alarm.Name}";
}
