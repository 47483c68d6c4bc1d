using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// The alarms deployed with PutMetricAlarm, each in its own Region, evaluated on the metrics of that Region: alarms with
/// a period of a minute or more once a minute, high-resolution alarms (periods 10, 20, 30 s) every 10 seconds. An
/// evaluation at T looks at the periods ending at T − ingestion delay (the grids are offset by the delay), so a
/// datapoint reaches an alarm exactly when GetMetricData can see it. Composite alarms (PutCompositeAlarm) are
/// re-evaluated after every evaluation of their Region's metric alarms. There are no built-in alarms.
/// </summary>
internal sealed class AlarmBoard
{
    private readonly TimeProfile _profile;
    private readonly TimeSpan _delay;
    private readonly Dictionary<(string Region, string Name), MetricAlarm> _alarms = [];
    private readonly List<MetricAlarm> _order = [];
    private readonly Dictionary<(string Region, string Name), CompositeAlarm> _composites = [];
    private readonly List<CompositeAlarm> _compositeOrder = [];
    private readonly List<AlarmTransition> _transitions = [];

    public AlarmBoard(Deployment deployment, TimeProfile profile, DateTimeOffset epoch)
    {
        _profile = profile;
        _delay = profile.ToWall(profile.Durations.MetricIngestionDelaySeconds);
        // The first evaluation covers the world's first full minute: the lab has no metric history before its epoch.
        var period = profile.ToWall(profile.Durations.AlarmPeriodSeconds);
        Grid = new PeriodicGrid(epoch + period + _delay, period);
        var highResolution = profile.ToWall(HighResolutionEvaluationSeconds);
        HighResolutionGrid = new PeriodicGrid(epoch + highResolution + _delay, highResolution);
        foreach (var definition in deployment.Alarms)
        {
            Configure(definition, epoch);
        }

        foreach (var definition in deployment.CompositeAlarms)
        {
            ConfigureComposite(definition, epoch);
        }
    }

    /// <summary>How often CloudWatch evaluates alarms with a period under a minute (model seconds).</summary>
    public const double HighResolutionEvaluationSeconds = 10;

    /// <summary>Evaluation instants of the high-resolution alarms: every 10 model seconds, offset by the ingestion delay.</summary>
    public PeriodicGrid HighResolutionGrid { get; }

    /// <summary>The composite alarms in creation order.</summary>
    public IReadOnlyList<CompositeAlarm> Composites => _compositeOrder;

    public IEnumerable<CompositeAlarm> CompositesInRegion(string region) =>
        _compositeOrder.Where(a => string.Equals(a.Definition.Region, region, StringComparison.Ordinal));

    /// <summary>PutCompositeAlarm: a new alarm starts INSUFFICIENT_DATA; an updated one keeps its state. True when new.</summary>
    public bool ConfigureComposite(CompositeAlarmDefinition definition, DateTimeOffset now)
    {
        if (_composites.TryGetValue((definition.Region, definition.Name), out var existing))
        {
            existing.Definition = definition;
            return false;
        }

        var alarm = new CompositeAlarm(definition, now);
        _composites[(definition.Region, definition.Name)] = alarm;
        _compositeOrder.Add(alarm);
        return true;
    }

    /// <summary>The state of an alarm of <paramref name="region"/> named by name or ARN, metric or composite; null when unknown.</summary>
    public string? StateOf(string region, string nameOrArn)
    {
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn[(nameOrArn.LastIndexOf(':') + 1)..] : nameOrArn;
        return _alarms.GetValueOrDefault((region, name))?.Value ?? _composites.GetValueOrDefault((region, name))?.Value;
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

    /// <summary>DeleteAlarms of one metric or composite alarm: it is no longer evaluated nor described; true when it existed.</summary>
    public bool Delete(string region, string name)
    {
        var removed = false;
        if (_alarms.Remove((region, name), out var alarm))
        {
            _order.Remove(alarm);
            removed = true;
        }

        if (_composites.Remove((region, name), out var composite))
        {
            _compositeOrder.Remove(composite);
            removed = true;
        }

        return removed;
    }

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

    /// <summary>
    /// Evaluates, at a grid instant, the alarms due then (<paramref name="standard"/>: periods of a minute or more;
    /// <paramref name="highResolution"/>: periods under a minute), then every composite alarm; returns the state changes.
    /// </summary>
    public IReadOnlyList<AlarmTransition> Evaluate(DateTimeOffset instant, MetricStore metrics, bool standard = true, bool highResolution = false)
    {
        var changes = new List<AlarmTransition>();
        var end = instant - _delay;
        foreach (var alarm in _order)
        {
            var d = alarm.Definition;
            if (!(d.Period < 60 ? highResolution : standard))
            {
                continue;
            }

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

        // A composite may watch another composite: settle them (each pass can only change what the last one changed).
        for (var pass = 0; pass <= _compositeOrder.Count; pass++)
        {
            var changed = false;
            foreach (var composite in _compositeOrder)
            {
                var region = composite.Definition.Region;
                if (composite.Evaluate(instant, alarm => StateOf(region, alarm)) is { } change)
                {
                    changes.Add(change);
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        _transitions.AddRange(changes);
        return changes;
    }
}
