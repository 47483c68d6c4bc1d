using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Protocol;

/// <summary>
/// The Region a request comes from. Every caller shares 127.0.0.1, so the lab gives each observing Region its own
/// port: the main port is the observer Region's network (the functions of the recovery Region), the witness port the
/// witness Region's. A request's reachability and faults are judged from the Region of the port it arrived on.
/// </summary>
internal sealed class RequestOrigins(string? witnessRegion)
{
    private int? _witnessPort;

    /// <summary>The witness Region, null when the lab has none.</summary>
    public string? WitnessRegion { get; } = witnessRegion;

    /// <summary>The witness port once Kestrel bound it; null before or without a witness.</summary>
    public int? WitnessPort => _witnessPort;

    /// <summary>Records the port Kestrel bound for the witness Region's network.</summary>
    public void BindWitness(int port) => _witnessPort = port;

    /// <summary>The Region <paramref name="context"/>'s request comes from: the witness on its port, else the observer.</summary>
    public string RegionOf(HttpContext context, WorldState state) =>
        IsWitness(context) ? WitnessRegion! : state.ObserverRegion;

    private bool IsWitness(HttpContext context) =>
        WitnessRegion is not null && _witnessPort is { } port && context.Connection.LocalPort == port;
}
