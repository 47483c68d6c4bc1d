using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// Everything in the lab world at <see cref="Now"/>. A discrete-event simulation advanced lazily: before each request
/// the world catches up to the wall clock, stepping through every fault transition, operation completion and
/// periodic sample (Route 53 checkers, alarm evaluations, metric publication) in order.
/// </summary>
internal sealed class WorldState
{
    /// <summary>Route 53's health check metrics live in us-east-1.</summary>
    public const string Route53MetricsRegion = "us-east-1";

    /// <summary>Model seconds of writes acknowledged before the lab starts (sequence 1 is that long before start).</summary>
    public const double WarmUpModelSeconds = 10;

    private readonly PeriodicGrid _metricGrid;

    public WorldState(WorldDefinition definition, TimeProfile profile, string observerRegion, DateTimeOffset epoch)
    {
        Definition = definition;
        Profile = profile;
        ObserverRegion = observerRegion;
        Epoch = epoch;
        Now = epoch;
        Faults = new FaultSchedule(profile);
        Writes = new WriteStream(profile);
        Database = new GlobalDatabase(definition, profile);
        Zone = new HostedZone(definition, profile);
        Checkers = new HealthCheckers(definition, profile, epoch);
        Alarms = new AlarmBoard(definition, profile, epoch);
        Notifications = new NotificationLog(definition);
        Executions = new ExecutionRegistry(definition);
        _metricGrid = new PeriodicGrid(epoch, profile.ToWall(profile.Durations.MetricPeriodSeconds));

        // The application has been writing for a while when the lab starts, so replication is in steady state.
        var warmUpStart = epoch - profile.ToWall(WarmUpModelSeconds);
        Writes.Advance(warmUpStart, epoch, new WriteConditions(
            true, definition.PrimaryRegion, true, profile.Durations.ReplicationLagMilliseconds));
        SampleMetrics(epoch, WorldConditions.Healthy);
    }

    public WorldDefinition Definition { get; }

    public TimeProfile Profile { get; }

    /// <summary>The Region the functions run in: requests to other Regions cross the inter-Region network.</summary>
    public string ObserverRegion { get; set; }

    public DateTimeOffset Epoch { get; }

    public DateTimeOffset Now { get; private set; }

    public FaultSchedule Faults { get; }

    public WriteStream Writes { get; }

    public GlobalDatabase Database { get; }

    public HostedZone Zone { get; }

    public HealthCheckers Checkers { get; }

    public AlarmBoard Alarms { get; }

    public MetricStore Metrics { get; } = new();

    public NotificationLog Notifications { get; }

    public ExecutionRegistry Executions { get; }

    public RequestLog Requests { get; } = new();

    public WorldConditions Conditions => Faults.ConditionsAt(Now);

    /// <summary>The replication lag in force now, in model milliseconds.</summary>
    public double SteadyReplicationLagMilliseconds =>
        Conditions.ReplicationLagMilliseconds ?? Profile.Durations.ReplicationLagMilliseconds;

    /// <summary>Whether the observer's requests reach the Region's endpoints now.</summary>
    public bool IsReachableFromObserver(string region) =>
        Conditions.IsReachable(ObserverRegion, region, Definition.Regions);

    /// <summary>Catches the world up to <paramref name="target"/>; earlier instants are ignored.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        while (NextEventAfter(Now) is var next && next <= target)
        {
            Flow(Now, next);
            Now = next;
            Fire(next);
        }

        if (target > Now)
        {
            Flow(Now, target);
            Now = target;
        }
    }

    /// <summary>Starts a switchover or failover now (the caller has advanced the world).</summary>
    public PromotionOperation StartPromotion(PromotionKind kind, string targetRegion) =>
        Database.Start(kind, targetRegion, Now, Conditions, Writes);

    private DateTimeOffset NextEventAfter(DateTimeOffset instant)
    {
        var next = Checkers.Grid.NextAfter(instant);
        next = Min(next, Alarms.Grid.NextAfter(instant));
        next = Min(next, _metricGrid.NextAfter(instant));
        next = Min(next, Faults.NextTransitionAfter(instant));
        return Min(next, Database.NextEventAfter(instant));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset? b) => b is { } value && value < a ? value : a;

    private void Flow(DateTimeOffset from, DateTimeOffset to)
    {
        var conditions = Faults.ConditionsAt(from);
        var lag = conditions.ReplicationLagMilliseconds ?? Profile.Durations.ReplicationLagMilliseconds;
        Writes.Advance(from, to, new WriteConditions(
            Database.AcceptingWrites(conditions), Database.WriterRegion, Database.ReplicationUp(conditions), lag));
    }

    private void Fire(DateTimeOffset instant)
    {
        var conditions = Faults.ConditionsAt(instant);
        Database.OnTime(instant, conditions);
        if (Checkers.Grid.Contains(instant))
        {
            Checkers.Sample(instant, conditions);
            Alarms.ObserveHealth(Checkers);
        }

        if (Alarms.Grid.Contains(instant))
        {
            Alarms.Evaluate(instant, Checkers);
        }

        if (_metricGrid.Contains(instant))
        {
            SampleMetrics(instant, conditions);
        }
    }

    private void SampleMetrics(DateTimeOffset instant, WorldConditions conditions)
    {
        var secondary = Database.SecondaryRegion;
        if (conditions.IsDatabaseUp(secondary))
        {
            var lag = conditions.ReplicationLagMilliseconds ?? Profile.Durations.ReplicationLagMilliseconds;
            var rpo = Writes.RpoLagModelMilliseconds();
            var replication = Writes.ReplicationLagModelMilliseconds(instant, lag);
            var cluster = Definition.ClusterId(secondary);
            (string, string)[][] dimensionSets =
            [
                [("DBClusterIdentifier", cluster)],
                [("DBClusterIdentifier", cluster), ("SourceRegion", Database.WriterRegion)],
            ];
            foreach (var dimensions in dimensionSets)
            {
                Metrics.Put(MetricKey.Of(secondary, "AWS/RDS", "AuroraGlobalDBRPOLag", dimensions), instant, rpo);
                Metrics.Put(MetricKey.Of(secondary, "AWS/RDS", "AuroraGlobalDBReplicationLag", dimensions), instant, replication);
            }
        }

        foreach (var region in Definition.Regions)
        {
            var key = MetricKey.Of(Route53MetricsRegion, "AWS/Route53", "HealthCheckStatus",
                [("HealthCheckId", Definition.HealthCheckIds[region])]);
            Metrics.Put(key, instant, Checkers.IsHealthy(region) ? 1 : 0);
        }
    }
}
