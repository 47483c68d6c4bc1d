using DrLambdas.DrLab.Dns;
using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World.Traffic;

/// <summary>
/// The modelled clients on the internet. Client i (of N) resolves the application name when its cached answer expires
/// (first at epoch + TTL × i / N, then the TTL of the record it got after each resolution), drawing the weighted choice
/// from a seeded generator, and sends one read and one write at model instants k + i / N (k = 0, 1, …) to the Region it
/// resolved. Resolutions and requests are processed in (instant, resolution before request, client) order, so a run is
/// the same however the world is advanced.
/// </summary>
internal sealed class ClientPopulation
{
    private const int Resolve = 0;
    private const int Request = 1;

    private readonly int _count;
    private readonly double _wallTicksPerModelSecond;
    private readonly long _defaultTtlSeconds;
    private readonly Dictionary<string, int> _regionOfAddress;
    private readonly Dictionary<string, int> _regionOfSetIdentifier;
    private readonly Random _random;
    private readonly int[] _region;
    private readonly long[] _nextSecond;
    private readonly PriorityQueue<int, (long Ticks, int Kind, int Client)> _queue = new();

    public ClientPopulation(WorldDefinition definition, TimeProfile profile, int count, int seed, WeightedAnswer? initialAnswer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _count = count;
        _wallTicksPerModelSecond = TimeSpan.TicksPerSecond / profile.TimeScale;
        _defaultTtlSeconds = profile.Durations.DnsTtlSeconds;
        _regionOfAddress = definition.Regions.Select((r, i) => (definition.RecordAddresses[r], i))
            .ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
        _regionOfSetIdentifier = definition.Regions.Select((r, i) => (definition.SetIdentifiers[r], i))
            .ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
        _random = new Random(seed);
        _region = new int[count];
        _nextSecond = new long[count];
        for (var i = 0; i < count; i++)
        {
            var (region, ttlSeconds) = Choose(initialAnswer);
            _region[i] = region;
            _queue.Enqueue(Code(i, Resolve), (ToWallTicks(ttlSeconds * (double)i / count), Resolve, i));
            _queue.Enqueue(Code(i, Request), (RequestTicks(i, 0), Request, i));
        }
    }

    /// <summary>How many clients there are.</summary>
    public int Count => _count;

    /// <summary>Wall ticks after the epoch at which model second <paramref name="second"/> starts.</summary>
    public long SecondStartTicks(long second) => ToWallTicks(second);

    /// <summary>
    /// Runs every resolution and request due before <paramref name="toTicks"/> (wall ticks after the epoch) and not yet
    /// run, with the world as <paramref name="segment"/> describes it.
    /// </summary>
    public void Advance(long toTicks, TrafficSegment segment, SuccessLedger ledger)
    {
        while (_queue.TryPeek(out var code, out var key) && key.Ticks < toTicks)
        {
            _queue.Dequeue();
            var client = code >> 1;
            if ((code & 1) == Resolve)
            {
                var (region, ttlSeconds) = Choose(segment.Answer());
                _region[client] = region;
                _queue.Enqueue(code, (NextExpiry(client, key.Ticks, ttlSeconds), Resolve, client));
            }
            else
            {
                var second = _nextSecond[client]++;
                var region = _region[client];
                ledger.Record(second, segment.ReadSucceeds(region), segment.WriteSucceeds(region));
                _queue.Enqueue(code, (RequestTicks(client, second + 1), Request, client));
            }
        }
    }

    /// <summary>The Region index each client holds now (-1: no usable answer).</summary>
    public IReadOnlyList<int> Answers => _region;

    private static int Code(int client, int kind) => (client << 1) | kind;

    private long ToWallTicks(double modelSeconds) => (long)Math.Round(modelSeconds * _wallTicksPerModelSecond);

    private long RequestTicks(int client, long second) => ToWallTicks(second + ((double)client / _count));

    /// <summary>
    /// When a resolution at <paramref name="ticks"/> expires. A TTL of 0 means no caching: the client resolves again
    /// before its next request.
    /// </summary>
    private long NextExpiry(int client, long ticks, long ttlSeconds)
    {
        if (ttlSeconds > 0)
        {
            return ticks + ToWallTicks(ttlSeconds);
        }

        var next = RequestTicks(client, _nextSecond[client]);
        return next > ticks ? next : RequestTicks(client, _nextSecond[client] + 1);
    }

    private (int Region, long TtlSeconds) Choose(WeightedAnswer? answer)
    {
        if (answer is null)
        {
            return (-1, _defaultTtlSeconds);
        }

        var record = answer.Choose(_random.NextDouble());
        return (RegionOf(record), TtlOf(record));
    }

    private long TtlOf(ResourceRecordSet record) => record.Ttl ?? _defaultTtlSeconds;

    /// <summary>The lab Region a record leads to: by the address it answers with, else by its set identifier.</summary>
    private int RegionOf(ResourceRecordSet record)
    {
        foreach (var value in record.Values)
        {
            if (_regionOfAddress.TryGetValue(value, out var region))
            {
                return region;
            }
        }

        return record.SetIdentifier is { } id && record.AliasTarget is not null && _regionOfSetIdentifier.TryGetValue(id, out var byId)
            ? byId
            : -1;
    }
}
