using DrLambdas.DrLab.Dns;
using DrLambdas.DrLab.Time;
using DrLambdas.DrLab.World.Traffic;

namespace DrLambdas.DrLab.World;

/// <summary>
/// Everything in the lab world at <see cref="Now"/>. A discrete-event simulation advanced lazily: before each request
/// the world catches up to the wall clock, stepping through every fault transition, operation completion and
/// periodic sample (Route 53 checkers, alarm evaluations, metric publication) in order. Between two events nothing
/// changes, so the clients' requests of that interval are evaluated against the world as it was at their instants.
/// </summary>
internal sealed class WorldState
{
    /// <summary>Route 53's health check metrics live in us-east-1.</summary>
    public const string Route53MetricsRegion = "us-east-1";

    /// <summary>Model seconds of writes acknowledged before the lab starts (sequence 1 is that long before start).</summary>
    public const double WarmUpModelSeconds = 10;

    private readonly PeriodicGrid _metricGrid;

    private readonly TimeSpan _ingestionDelay;

    public WorldState(
        WorldDefinition definition,
        TimeProfile profile,
        string observerRegion,
        DateTimeOffset epoch,
        Deployment deployment,
        int faultSeed,
        int clients = TrafficModel.DefaultClients)
    {
        Definition = definition;
        Profile = profile;
        ObserverRegion = observerRegion;
        Epoch = epoch;
        Now = epoch;
        Deployment = deployment;
        Faults = new FaultSchedule(profile, faultSeed);
        Writes = new WriteStream(profile);
        Database = new GlobalDatabase(definition, profile);
        Checkers = new HealthCheckers(definition, profile, epoch, deployment.HealthChecks.All);
        Zone = new HostedZone(definition, profile, Checkers.Exists);
        Alarms = new AlarmBoard(deployment, profile, epoch);
        Notifications = new NotificationLog(deployment);
        Executions = new ExecutionRegistry(deployment);
        Callbacks = new CallbackTaskRegistry(Executions);
        _metricGrid = new PeriodicGrid(epoch, profile.ToWall(profile.Durations.MetricPeriodSeconds));
        _ingestionDelay = profile.ToWall(profile.Durations.MetricIngestionDelaySeconds);

        // The application has been writing for a while when the lab starts, so replication is in steady state.
        var warmUpStart = epoch - profile.ToWall(WarmUpModelSeconds);
        Writes.Advance(warmUpStart, epoch, new WriteConditions(
            true, definition.PrimaryRegion, true, profile.Durations.ReplicationLagMilliseconds));
        PublishHealthCheckStatus(epoch);
        SampleMetrics(epoch, WorldConditions.Healthy);
        Traffic = new TrafficModel(definition, profile, epoch, clients, unchecked((faultSeed * 7919) - 1), ApplicationAnswer());
    }

    public WorldDefinition Definition { get; }

    public TimeProfile Profile { get; }

    /// <summary>What the AWS APIs deployed (alarms, topics, state machines); shared with the worlds before a reset.</summary>
    public Deployment Deployment { get; }

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

    /// <summary>Task states waiting on a task token (SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat).</summary>
    public CallbackTaskRegistry Callbacks { get; }

    public RequestLog Requests { get; } = new();

    /// <summary>SSM Parameter Store's parameters (cleared by a reset like every other piece of world data).</summary>
    public ParameterStore Parameters { get; } = new();

    /// <summary>The clients, the global writer endpoint and the per-second success counts.</summary>
    public TrafficModel Traffic { get; }

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

    /// <summary>The KmsMasterKeyId of an SNS topic (as given to CreateTopic), or null when unencrypted or unknown.</summary>
    public string? TopicKmsKey(string topicArn) => Deployment.FindTopic(topicArn)?.KmsMasterKeyId;

    /// <summary>
    /// A PutMetricData datapoint, stored at its resolution (1 or 60 model seconds: the timestamp falls to the start of its
    /// model second or minute, counted from the epoch like every lab grid, so a 10-second alarm never sees inside a
    /// standard-resolution minute) and visible to GetMetricData and the alarms after the ingestion delay.
    /// </summary>
    public void PublishCustomMetric(MetricKey key, DateTimeOffset timestamp, double value, int storageResolutionSeconds)
    {
        var granule = Profile.ToWall(storageResolutionSeconds);
        var index = (long)Math.Floor((timestamp - Epoch).Ticks / (double)granule.Ticks);
        Metrics.Put(key, Epoch + TimeSpan.FromTicks(index * granule.Ticks), value, Now + _ingestionDelay);
    }

    /// <summary>Starts a switchover or failover now (the caller has advanced the world).</summary>
    public PromotionOperation StartPromotion(PromotionKind kind, string targetRegion) =>
        Database.Start(kind, targetRegion, Now, Conditions, Writes);

    private DateTimeOffset NextEventAfter(DateTimeOffset instant)
    {
        var next = Checkers.Grid.NextAfter(instant);
        next = Min(next, Checkers.NextCreatedSampleAfter(instant));
        next = Min(next, Alarms.Grid.NextAfter(instant));
        next = Min(next, Alarms.HighResolutionGrid.NextAfter(instant));
        next = Min(next, _metricGrid.NextAfter(instant));
        next = Min(next, Faults.NextTransitionAfter(instant));
        next = Min(next, Traffic.NextEventAfter(instant));
        return Min(next, Database.NextEventAfter(instant));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset? b) => b is { } value && value < a ? value : a;

    private void Flow(DateTimeOffset from, DateTimeOffset to)
    {
        var conditions = Faults.ConditionsAt(from);
        var lag = conditions.ReplicationLagMilliseconds ?? Profile.Durations.ReplicationLagMilliseconds;
        Writes.Advance(from, to, new WriteConditions(
            Database.AcceptingWrites(conditions), Database.WriterRegion, Database.ReplicationUp(conditions), lag));
        Traffic.Flow(from, to, conditions, Database, ApplicationAnswer);
    }

    /// <summary>Route 53's data-plane answer for the application name now, or null when it has no weighted records.</summary>
    private WeightedAnswer? ApplicationAnswer()
    {
        var group = Zone.WeightedGroup(Definition.RecordName, Definition.RecordType);
        return group.Count == 0 ? null : WeightedRouting.Answer(group, Checkers.IsHealthCheckHealthy);
    }

    private void Fire(DateTimeOffset instant)
    {
        var conditions = Faults.ConditionsAt(instant);
        Database.OnTime(instant, conditions);
        Traffic.OnTime(instant, Database);
        if (Checkers.Grid.Contains(instant))
        {
            Checkers.Sample(instant, conditions);
            PublishHealthCheckStatus(instant);
        }

        if (Checkers.SampleCreated(instant, conditions))
        {
            PublishHealthCheckStatus(instant);
        }

        if (_metricGrid.Contains(instant))
        {
            SampleMetrics(instant, conditions);
        }

        var standard = Alarms.Grid.Contains(instant);
        var highResolution = Alarms.HighResolutionGrid.Contains(instant);
        if (standard || highResolution)
        {
            foreach (var change in Alarms.Evaluate(instant, Metrics, standard, highResolution))
            {
                if (Alarms.Find(change.Region, change.Name) is { } alarm)
                {
                    Notifications.DeliverAlarmActions(alarm.Definition, change);
                }
            }
        }
    }

    /// <summary>
    /// Route 53's HealthCheckStatus (1 healthy, 0 unhealthy) in us-east-1 only, as 1-minute data: every checker sample
    /// is stamped with the start of its minute and ingested once that minute is over.
    /// </summary>
    private void PublishHealthCheckStatus(DateTimeOffset instant)
    {
        var minuteStart = _metricGrid.Origin + (_metricGrid.Period * _metricGrid.IndexOf(instant));
        var visibleAt = minuteStart + _metricGrid.Period + _ingestionDelay;
        foreach (var (id, healthy) in Checkers.Statuses())
        {
            var key = MetricKey.Of(Route53MetricsRegion, "AWS/Route53", "HealthCheckStatus", [("HealthCheckId", id)]);
            Metrics.Put(key, minuteStart, healthy ? 1 : 0, visibleAt);
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
                Metrics.Put(MetricKey.Of(secondary, "AWS/RDS", "AuroraGlobalDBRPOLag", dimensions), instant, rpo, instant + _ingestionDelay);
                Metrics.Put(MetricKey.Of(secondary, "AWS/RDS", "AuroraGlobalDBReplicationLag", dimensions), instant, replication,
                    instant + _ingestionDelay);
            }
        }
    }
}
