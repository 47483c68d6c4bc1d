using DrLambdas.DrLab.Control;
using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.Tests.Dns;

public class DnsPortOptionTests
{
    [Fact]
    public void Parse_NoDnsPort_DefaultsToAnEphemeralPort()
    {
        var (options, problems, _) = LabOptions.Parse([]);

        Assert.Empty(problems);
        Assert.Equal(0, options!.DnsPort);
    }

    [Fact]
    public void Parse_DnsPort_IsKept()
    {
        var (options, _, _) = LabOptions.Parse(["--dns-port", "5353"]);

        Assert.Equal(5353, options!.DnsPort);
    }

    [Theory]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("dns")]
    public void Parse_InvalidDnsPort_IsAProblem(string port)
    {
        var (options, problems, _) = LabOptions.Parse(["--dns-port", port]);

        Assert.Null(options);
        Assert.Contains(problems, p => p.StartsWith("--dns-port", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadyDocument_DnsEndpoint_IsCarried()
    {
        var lab = new LabFixture(TimeProfile.Fast);

        var ready = ReadyDocuments.Build("http://127.0.0.1:5000", lab.World, LabFixture.Secondary, new DnsEndpointDocument("127.0.0.1", 5353));

        Assert.Equal(new DnsEndpointDocument("127.0.0.1", 5353), ready.Dns);
    }
}
