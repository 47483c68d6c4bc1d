using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DnsClient;
using DnsClient.Protocol;

namespace DrLambdas.DrLab.Tests.Dns;

/// <summary>
/// Real UDP queries (what <c>dig @127.0.0.1 -p PORT</c> sends) from the DnsClient library to the lab's DNS server,
/// running in-process in the fast profile.
/// </summary>
public sealed class LabDnsServerTests(RunningLab lab) : IClassFixture<RunningLab>, IAsyncLifetime
{
    private const string PrimaryAddress = "192.0.2.10";
    private const string SecondaryAddress = "198.51.100.10";

    private LookupClient _dns = null!;

    public async Task InitializeAsync()
    {
        await lab.ResetAsync();
        using var config = JsonDocument.Parse(await lab.Control.GetStringAsync(new Uri("/_lab/config", UriKind.Relative)));
        var dns = config.RootElement.GetProperty("dns");
        Assert.Equal("127.0.0.1", dns.GetProperty("address").GetString());
        _dns = new LookupClient(new LookupClientOptions(new NameServer(IPAddress.Loopback, dns.GetProperty("port").GetInt32()))
        {
            UseCache = false,
            Recursion = false,
            Retries = 1,
            Timeout = TimeSpan.FromSeconds(3),
            UseTcpFallback = false,
            ContinueOnDnsError = false,
            ThrowDnsErrors = false,
        });
    }

    public async Task DisposeAsync() => await lab.ResetAsync();

    [Fact]
    public async Task Query_ApplicationName_AnswersOneRegionAddressWithTheRecordTtlAuthoritatively()
    {
        var response = await _dns.QueryAsync("api.example.com", QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.NoError, response.Header.ResponseCode);
        Assert.True(response.Header.HasAuthorityAnswer);
        var record = Assert.Single(response.Answers.ARecords());
        Assert.Contains(record.Address.ToString(), new[] { PrimaryAddress, SecondaryAddress });
        Assert.Equal(60, record.InitialTimeToLive);
    }

    [Fact]
    public async Task Query_UnknownNameInTheZone_IsNxDomainWithTheSoa()
    {
        var response = await _dns.QueryAsync("nope.example.com", QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, response.Header.ResponseCode);
        Assert.Single(response.Authorities.OfType<SoaRecord>());
    }

    [Fact]
    public async Task Query_NameOutsideTheZone_IsRefused()
    {
        var response = await _dns.QueryAsync("api.example.org", QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.Refused, response.Header.ResponseCode);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public async Task Query_ZoneApexNs_AnswersTheNameServers()
    {
        var response = await _dns.QueryAsync("example.com", QueryType.NS);

        Assert.Equal(2, response.Answers.NsRecords().Count());
    }

    [Fact]
    public async Task Query_PrimaryRegionDown_PrimaryAddressDisappearsOnceTheCheckersTurnItUnhealthy()
    {
        using var fault = await lab.Control.PostAsJsonAsync(new Uri("/_lab/faults", UriKind.Relative),
            new { kind = "RegionOutage", region = LabFixture.Primary });
        Assert.Equal(HttpStatusCode.Created, fault.StatusCode);

        await WaitUntilAsync(async () => !await PrimaryRecordHealthyAsync(), TimeSpan.FromSeconds(20));

        var addresses = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            var response = await _dns.QueryAsync("api.example.com", QueryType.A);
            addresses.Add(Assert.Single(response.Answers.ARecords()).Address.ToString());
        }

        Assert.Equal([SecondaryAddress], addresses);
    }

    private async Task<bool> PrimaryRecordHealthyAsync()
    {
        using var state = JsonDocument.Parse(await lab.Control.GetStringAsync(new Uri("/_lab/state", UriKind.Relative)));
        return state.RootElement.GetProperty("dns").GetProperty("records").EnumerateArray()
            .Single(r => r.GetProperty("region").GetString() == LabFixture.Primary)
            .GetProperty("healthy").GetBoolean();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"condition not met within {timeout}");
            await Task.Delay(100);
        }
    }
}
