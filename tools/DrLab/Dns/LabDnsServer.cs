using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Dns;

/// <summary>
/// The lab's Route 53 data plane as a real DNS server (ARSoft.Tools.Net) on 127.0.0.1 UDP: authoritative for the
/// hosted zone, every query answered from the world caught up to now, weighted groups by a random weighted choice.
/// </summary>
internal sealed class LabDnsServer : IDisposable
{
    private const int BindAttempts = 20;

    private readonly LabWorld _world;
    private readonly int _requestedPort;
    private DnsServer? _server;

    public LabDnsServer(LabWorld world, int port)
    {
        _world = world;
        _requestedPort = port;
    }

    /// <summary>The UDP port the server listens on (0 before <see cref="Start"/>).</summary>
    public int Port { get; private set; }

    public static IPAddress Address => IPAddress.Loopback;

    /// <summary>Binds the UDP port (a free one when the requested port is 0) and starts answering.</summary>
    public void Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            // ARSoft's UDP transport does not expose the port it bound, so an ephemeral port is picked first.
            var port = _requestedPort != 0 ? _requestedPort : FreeUdpPort();
            var server = new DnsServer(new UdpServerTransport(new IPEndPoint(Address, port)));
            server.QueryReceived += OnQueryReceivedAsync;
            try
            {
                server.Start();
                _server = server;
                Port = port;
                return;
            }
            catch (SocketException) when (_requestedPort == 0 && attempt < BindAttempts)
            {
                // Another process took the probed port between the probe and the bind: probe again.
            }
        }
    }

    public void Stop()
    {
        _server?.Stop();
        _server = null;
    }

    public void Dispose() => Stop();

    private Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is DnsMessage query)
        {
            e.Response = Respond(query, _world, Random.Shared.NextDouble());
        }

        return Task.CompletedTask;
    }

    /// <summary>The response to one query; <paramref name="draw"/> is the uniform draw of the weighted choice.</summary>
    public static DnsMessage Respond(DnsMessage query, LabWorld world, double draw)
    {
        var response = query.CreateResponseInstance();
        response.IsRecursionAllowed = false;
        if (query.OperationCode != OperationCode.Query)
        {
            response.ReturnCode = ReturnCode.NotImplemented;
            return response;
        }

        if (query.Questions.Count != 1)
        {
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }

        var question = query.Questions[0];
        var name = ResourceRecordSet.NormalizeName(question.Name.ToString());
        var zoneName = world.Definition.ZoneName;
        if (question.RecordClass != RecordClass.INet)
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        var lookup = world.Transact(state =>
            ZoneLookup.Find(state.Zone, zoneName, name, question.RecordType.ToString().ToUpperInvariant(), state.Checkers.IsHealthCheckHealthy));
        response.IsAuthoritiveAnswer = lookup.Status != ZoneLookupStatus.OutsideZone;
        switch (lookup.Status)
        {
            case ZoneLookupStatus.OutsideZone:
                response.ReturnCode = ReturnCode.Refused;
                break;
            case ZoneLookupStatus.Unsupported:
                response.ReturnCode = ReturnCode.ServerFailure;
                break;
            case ZoneLookupStatus.NxDomain or ZoneLookupStatus.NoData:
                response.ReturnCode = lookup.Status == ZoneLookupStatus.NxDomain ? ReturnCode.NxDomain : ReturnCode.NoError;
                if (lookup.Soa is { } soa)
                {
                    response.AuthorityRecords.AddRange(DnsRecordEncoder.Records(soa, zoneName));
                }

                break;
            default:
                response.ReturnCode = ReturnCode.NoError;
                response.AnswerRecords.AddRange(DnsRecordEncoder.Records(lookup.Choose(draw), zoneName));
                break;
        }

        return response;
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(Address, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
