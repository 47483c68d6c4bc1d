using DrLambdas.DrLab.World;
using DrLambdas.DrLab.World.Traffic;

namespace DrLambdas.DrLab.Control;

/// <summary>
/// The clients' ground truth in <c>/_lab/state</c>: the population, the global writer endpoint and, per completed model
/// second since the world's epoch, the reads and writes sent and how many succeeded.
/// </summary>
internal sealed record TrafficDocument(
    int Clients,
    string ApplicationName,
    int ReadsPerClientPerSecond,
    int WritesPerClientPerSecond,
    WriterEndpointDocument WriterEndpoint,
    IReadOnlyList<TrafficSecondDocument> Seconds,
    long FailedReads,
    long FailedWrites);

/// <summary>The global writer endpoint: its name, the figures the lab uses (model seconds) and where it leads now.</summary>
internal sealed record WriterEndpointDocument(
    string Name, double TtlSeconds, double RepointSeconds, double ReconnectSeconds, string WriterRegion, bool Available);

/// <summary>Model second [second, second + 1) since the epoch; <c>at</c> is the wall-clock instant it starts.</summary>
internal sealed record TrafficSecondDocument(long Second, DateTimeOffset At, int Reads, int ReadsOk, int Writes, int WritesOk);

/// <summary>Maps the traffic model to its document.</summary>
internal static class TrafficDocuments
{
    public static TrafficDocument Of(WorldState world)
    {
        var traffic = world.Traffic;
        var endpoint = traffic.WriterEndpoint;
        var seconds = traffic.CompletedSeconds(world.Now);
        return new TrafficDocument(
            traffic.Clients.Count,
            world.Definition.RecordName,
            TrafficModel.RequestsPerClientPerSecond,
            TrafficModel.RequestsPerClientPerSecond,
            new WriterEndpointDocument(
                endpoint.Name, endpoint.TtlSeconds, endpoint.RepointSeconds, endpoint.ReconnectSeconds, endpoint.RecordTarget,
                endpoint.IsAvailable(world.Database, world.Conditions)),
            seconds.Select(s => new TrafficSecondDocument(
                s.Second, world.Epoch + world.Profile.ToWall(s.Second), s.Reads, s.ReadsOk, s.Writes, s.WritesOk)).ToList(),
            seconds.Sum(s => (long)(s.Reads - s.ReadsOk)),
            seconds.Sum(s => (long)(s.Writes - s.WritesOk)));
    }
}
