using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World.Traffic;

/// <summary>
/// The Aurora global writer endpoint as the applications see it: one DNS name whose record leads to the writer Region,
/// re-pointed a while after a switchover or failover completes, and one cached resolution per application Region,
/// refreshed every TTL, with a reconnection delay whenever the cached target changes.
/// </summary>
internal sealed class GlobalWriterEndpoint
{
    private readonly TimeSpan _repoint;
    private readonly TimeSpan _reconnect;
    private readonly PeriodicGrid _refreshGrid;
    private readonly Dictionary<string, AppConnection> _apps = new(StringComparer.Ordinal);
    private string _writerSeen;
    private DateTimeOffset? _repointAt;

    public GlobalWriterEndpoint(WorldDefinition definition, TimeProfile profile, DateTimeOffset epoch)
    {
        var durations = profile.Durations;
        Name = definition.GlobalWriterEndpoint;
        TtlSeconds = durations.WriterEndpointTtlSeconds;
        RepointSeconds = durations.WriterEndpointRepointSeconds;
        ReconnectSeconds = durations.ReconnectSeconds;
        _repoint = profile.ToWall(RepointSeconds);
        _reconnect = profile.ToWall(ReconnectSeconds);
        _refreshGrid = new PeriodicGrid(epoch, profile.ToWall(TtlSeconds));
        _writerSeen = definition.PrimaryRegion;
        RecordTarget = definition.PrimaryRegion;
        foreach (var region in definition.Regions)
        {
            _apps[region] = new AppConnection(definition.PrimaryRegion, epoch);
        }
    }

    /// <summary>The DNS name (DescribeGlobalClusters' <c>Endpoint</c>).</summary>
    public string Name { get; }

    /// <summary>TTL of the endpoint's record, in model seconds.</summary>
    public double TtlSeconds { get; }

    /// <summary>Model seconds from a completed promotion to the record leading to the new writer.</summary>
    public double RepointSeconds { get; }

    /// <summary>Model seconds an application needs to write again after its cached target changed.</summary>
    public double ReconnectSeconds { get; }

    /// <summary>The Region the endpoint's DNS record leads to now.</summary>
    public string RecordTarget { get; private set; }

    /// <summary>Whether the name leads to a writer that accepts writes: no operation in flight, re-pointed, writer database up.</summary>
    public bool IsAvailable(GlobalDatabase database, WorldConditions conditions) =>
        database.Current is null
        && string.Equals(RecordTarget, database.WriterRegion, StringComparison.Ordinal)
        && conditions.IsDatabaseUp(database.WriterRegion);

    /// <summary>
    /// Whether the application of <paramref name="appRegion"/> reaches an available writer through the endpoint now: the
    /// endpoint is available, the application's cached answer is its target, the application has reconnected there and the
    /// partition (Region ↔ Region only) does not separate the application from the writer.
    /// </summary>
    public bool LeadsToAvailableWriter(string appRegion, DateTimeOffset instant, GlobalDatabase database, WorldConditions conditions)
    {
        var app = _apps[appRegion];
        return IsAvailable(database, conditions)
               && string.Equals(app.Target, RecordTarget, StringComparison.Ordinal)
               && instant >= app.ReadyAt
               && (string.Equals(appRegion, RecordTarget, StringComparison.Ordinal) || !conditions.Partitioned);
    }

    /// <summary>The next re-point, cache refresh or end of a reconnection after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextEventAfter(DateTimeOffset instant)
    {
        var next = _refreshGrid.NextAfter(instant);
        if (_repointAt is { } repoint && repoint > instant && repoint < next)
        {
            next = repoint;
        }

        foreach (var app in _apps.Values)
        {
            if (app.ReadyAt > instant && app.ReadyAt < next)
            {
                next = app.ReadyAt;
            }
        }

        return next;
    }

    /// <summary>Notices a completed promotion, re-points the record when due and refreshes the applications' caches.</summary>
    public void OnTime(DateTimeOffset instant, string writerRegion)
    {
        if (!string.Equals(writerRegion, _writerSeen, StringComparison.Ordinal))
        {
            _writerSeen = writerRegion;
            _repointAt = instant + _repoint;
        }

        if (_repointAt is { } repoint && repoint <= instant)
        {
            RecordTarget = _writerSeen;
            _repointAt = null;
        }

        if (!_refreshGrid.Contains(instant))
        {
            return;
        }

        foreach (var app in _apps.Values.Where(a => !string.Equals(a.Target, RecordTarget, StringComparison.Ordinal)))
        {
            app.Target = RecordTarget;
            app.ReadyAt = instant + _reconnect;
        }
    }

    /// <summary>One application Region's cached resolution of the endpoint and its connection to that target.</summary>
    private sealed class AppConnection(string target, DateTimeOffset readyAt)
    {
        public string Target { get; set; } = target;

        public DateTimeOffset ReadyAt { get; set; } = readyAt;
    }
}
