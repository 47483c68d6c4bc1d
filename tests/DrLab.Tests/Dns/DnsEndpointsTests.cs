using System.Net;
using System.Text.Json;

namespace DrLambdas.DrLab.Tests.Dns;

/// <summary>GET /_lab/dns/answer on the in-process lab: the candidate set, the seeded choice and typed errors.</summary>
public sealed class DnsEndpointsTests(RunningLab lab) : IClassFixture<RunningLab>
{
    [Fact]
    public async Task Answer_ApplicationName_ListsBothRegionsWithTheirProbabilities()
    {
        using var answer = await GetAsync("/_lab/dns/answer?name=api.example.com&type=A", HttpStatusCode.OK);

        var root = answer.RootElement;
        Assert.Equal("api.example.com.", root.GetProperty("name").GetString());
        Assert.Equal("HealthyByWeight", root.GetProperty("rule").GetString());
        Assert.Equal(60, root.GetProperty("ttl").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("chosen").ValueKind);
        var primary = Candidate(root, LabFixture.Primary);
        Assert.Equal(0.7, primary.GetProperty("probability").GetDouble(), 12);
        Assert.Equal(70, primary.GetProperty("weight").GetInt32());
        Assert.Equal("tpe", primary.GetProperty("setIdentifier").GetString());
        Assert.Equal("192.0.2.10", primary.GetProperty("values")[0].GetString());
        Assert.True(primary.GetProperty("healthy").GetBoolean());
        Assert.False(string.IsNullOrEmpty(primary.GetProperty("healthCheckId").GetString()));
    }

    [Fact]
    public async Task Answer_SameSeed_ChoosesTheSameCandidate()
    {
        using var first = await GetAsync("/_lab/dns/answer?name=api.example.com&type=A&seed=42", HttpStatusCode.OK);
        using var second = await GetAsync("/_lab/dns/answer?name=api.example.com.&type=A&seed=42", HttpStatusCode.OK);

        var chosen = first.RootElement.GetProperty("chosen").GetProperty("setIdentifier").GetString();
        Assert.Contains(chosen, new[] { "tpe", "nrt" });
        Assert.Equal(chosen, second.RootElement.GetProperty("chosen").GetProperty("setIdentifier").GetString());
    }

    [Fact]
    public async Task Answer_UnknownName_Is404Nxdomain()
    {
        using var error = await GetAsync("/_lab/dns/answer?name=nope.example.com&type=A", HttpStatusCode.NotFound);

        Assert.Equal("NXDOMAIN", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Answer_NameOutsideTheZone_Is404Refused()
    {
        using var error = await GetAsync("/_lab/dns/answer?name=api.example.org&type=A", HttpStatusCode.NotFound);

        Assert.Equal("REFUSED", error.RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/_lab/dns/answer?type=A", "name is required")]
    [InlineData("/_lab/dns/answer?name=api.example.com", "type is required")]
    [InlineData("/_lab/dns/answer?name=api..example.com&type=A", "is not a domain name")]
    [InlineData("/_lab/dns/answer?name=api.example.com&type=BOGUS", "type 'BOGUS' must be one of")]
    [InlineData("/_lab/dns/answer?name=api.example.com&type=A&seed=x", "seed 'x' must be a 32-bit integer")]
    public async Task Answer_MissingOrMalformedParameter_Is400AndChangesNothing(string path, string problem)
    {
        var before = await DnsStateAsync();

        using var error = await GetAsync(path, HttpStatusCode.BadRequest);

        Assert.Equal("InvalidDnsQuestion", error.RootElement.GetProperty("error").GetString());
        Assert.Contains(error.RootElement.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(before, await DnsStateAsync());
    }

    [Fact]
    public async Task State_Dns_ListsTheWeightedRecordsAndTheHealthChecksWithTheirCheckerModel()
    {
        using var state = JsonDocument.Parse(await lab.Control.GetStringAsync(new Uri("/_lab/state", UriKind.Relative)));

        var dns = state.RootElement.GetProperty("dns");
        var record = dns.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("region").GetString() == LabFixture.Secondary);
        Assert.Equal("nrt", record.GetProperty("setIdentifier").GetString());
        Assert.Equal(30, record.GetProperty("weight").GetInt32());
        Assert.Equal(60, record.GetProperty("ttl").GetInt32());
        Assert.True(record.GetProperty("healthy").GetBoolean());
        var check = dns.GetProperty("healthChecks").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == record.GetProperty("healthCheckId").GetString());
        Assert.Equal(LabFixture.Secondary, check.GetProperty("region").GetString());
        Assert.Equal(30, check.GetProperty("intervalSeconds").GetDouble());
        Assert.Equal(3, check.GetProperty("failureThreshold").GetInt32());
        Assert.Equal(8, check.GetProperty("checkers").GetInt32());
    }

    private static JsonElement Candidate(JsonElement answer, string region) =>
        answer.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("region").GetString() == region);

    private async Task<JsonDocument> GetAsync(string path, HttpStatusCode expected)
    {
        using var response = await lab.Control.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }

    private async Task<string> DnsStateAsync()
    {
        using var state = JsonDocument.Parse(await lab.Control.GetStringAsync(new Uri("/_lab/state", UriKind.Relative)));
        var dns = state.RootElement.GetProperty("dns");
        return dns.GetProperty("weights").GetRawText() + dns.GetProperty("changes").GetRawText();
    }
}
