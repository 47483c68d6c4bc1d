using DrLambdas.DrLab.Dns;
using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World.Traffic;

/// <summary>
/// The users' side of the world: the client population, the global writer endpoint the applications write through and
/// the per-second success counts. Stepped by <see cref="WorldState"/>: <see cref="Flow"/> over each interval between
/// world events (conditions constant), <see cref="OnTime"/> at each event.
/// </summary>
internal sealed class TrafficModel
{
    /// <summary>Clients when the lab is not told otherwise.</summary>
    public const int DefaultClients = 200;

    /// <summary>Reads (and writes) each client sends per model second.</summary>
    public const int RequestsPerClientPerSecond = 1;

    private readonly WorldDefinition _definition;
    private readonly DateTimeOffset _epoch;

    public TrafficModel(
        WorldDefinition definition, TimeProfile profile, DateTimeOffset epoch, int clients, int seed, WeightedAnswer? initialAnswer)
    {
        _definition = definition;
        _epoch = epoch;
        WriterEndpoint = new GlobalWriterEndpoint(definition, profile, epoch);
        Clients = new ClientPopulation(definition, profile, clients, seed, initialAnswer);
    }

    /// <summary>The name the applications write through.</summary>
    public GlobalWriterEndpoint WriterEndpoint { get; }

    /// <summary>The clients on the internet.</summary>
    public ClientPopulation Clients { get; }

    /// <summary>Reads and writes per model second.</summary>
    public SuccessLedger Ledger { get; } = new();

    /// <summary>The writer endpoint's next event (the clients' own instants run inside <see cref="Flow"/>).</summary>
    public DateTimeOffset NextEventAfter(DateTimeOffset instant) => WriterEndpoint.NextEventAfter(instant);

    /// <summary>What happens to the writer endpoint at a world event (after the database stepped).</summary>
    public void OnTime(DateTimeOffset instant, GlobalDatabase database) => WriterEndpoint.OnTime(instant, database.WriterRegion);

    /// <summary>
    /// Runs the clients' resolutions and requests in [<paramref name="from"/>, <paramref name="to"/>), during which
    /// nothing they depend on changes (faults, health checks, records, promotions and the writer endpoint change at events).
    /// </summary>
    public void Flow(DateTimeOffset from, DateTimeOffset to, WorldConditions conditions, GlobalDatabase database, Func<WeightedAnswer?> answer)
    {
        var regions = _definition.Regions;
        var readOk = regions.Select(r => RequestRules.ReadSucceeds(r, conditions)).ToArray();
        var writeOk = regions.Select(r => RequestRules.WriteSucceeds(r, from, conditions, database, WriterEndpoint)).ToArray();
        Clients.Advance((to - _epoch).Ticks, new TrafficSegment(answer, readOk, writeOk), Ledger);
    }

    /// <summary>The model seconds already over at <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<SecondTally> CompletedSeconds(DateTimeOffset now)
    {
        var elapsed = (now - _epoch).Ticks;
        var count = Math.Max(0, (long)Math.Floor(elapsed / (double)Clients.SecondStartTicks(1)) - 1);
        while (Clients.SecondStartTicks(count + 1) <= elapsed)
        {
            count++;
        }

        return Ledger.Completed(count);
    }
}
