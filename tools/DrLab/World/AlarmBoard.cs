using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// The alarms deployed with PutMetricAlarm, each in its own Region, evaluated once a minute on the metrics of that
/// Region. An evaluation at T looks at the periods ending at T − ingestion delay (the grid is offset by the delay),
/// so a datapoint reaches an alarm exactly when GetMetricData can see it. There are no built-in alarms.
/// </summary>
internal sealed class AlarmBoard
{
    private readonly TimeProfile _profile;
    private readonly TimeSpan _delay;
    private readonly Dictionary<(string Region, string Name), MetricAlarm> _alarms = [];
    private readonly List<MetricAlarm> _order = [];
    private readonly List<AlarmTransition> _transitions = [];

    public AlarmBoard(Deployment deployment, TimeProfile profile, DateTimeOffset epoch)
    {
        _profile = profile;
        _delay = profile.ToWall(profile.Durations.MetricIngestionDelaySeconds);
        // The first evaluation covers the world's first full minute: the lab has no metric history before its epoch.
        var period = profile.ToWall(profile.Durations.AlarmPeriodSeconds);
        Grid = new PeriodicGrid(epoch + period + _delay, period);
        foreach (var definition in deployment.Alarms)
        {
            Configure(definition, epoch);
        }
    }

    /// <summary>Evaluation instants: every alarm period (one minute), offset by the ingestion delay.</summary>
    public PeriodicGrid Grid { get; }

    /// <summary>The alarms in creation order.</summary>
    public IReadOnlyList<MetricAlarm> All => _order;

    /// <summary>Every state change since the world started, oldest first.</summary>
    public IReadOnlyList<AlarmTransition> Transitions => _transitions;

    public IEnumerable<MetricAlarm> InRegion(string region) =>
        _order.Where(a => string.Equals(a.Definition.Region, region, StringComparison.Ordinal));

    public MetricAlarm? Find(string region, string name) => _alarms.GetValueOrDefault((region, name));

    /// <summary>PutMetricAlarm: a new alarm starts INSUFFICIENT_DATA; an updated one keeps its state.</summary>
    public void Configure(AlarmDefinition definition, DateTimeOffset now)
    {
        if (_alarms.TryGetValue((definition.Region, definition.Name), out var existing))
        {
            existing.Definition = definition;
            return;
        }

        var alarm = new MetricAlarm(definition, now);
        _alarms[(definition.Region, definition.Name)] = alarm;
        _order.Add(alarm);
    }

    /// <summary>Evaluates every alarm at a grid instant; returns the state changes.</summary>
    public IReadOnlyList<AlarmTransition> Evaluate(DateTimeOffset instant, MetricStore metrics)
    {
        var changes = new List<AlarmTransition>();
        var end = instant - _delay;
        foreach (var alarm in _order)
        {
            var d = alarm.Definition;
            var period = _profile.ToWall(d.Period);
            var datapoints = Enumerable.Range(1, d.EvaluationPeriods)
                .Select(i =>
                {
                    var start = end - (period * i);
                    return (start, metrics.Aggregate(d.MetricKey, start, start + period, d.Statistic, instant));
                })
                .ToList();
            if (alarm.Evaluate(instant, datapoints) is { } change)
            {
                changes.Add(change);
            }
        }

        _transitions.AddRange(changes);
        return changes;
    }
}
