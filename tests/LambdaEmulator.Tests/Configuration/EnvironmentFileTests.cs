using DrLambdas.LambdaEmulator.Configuration;

namespace DrLambdas.LambdaEmulator.Tests.Configuration;

public sealed class EnvironmentFileTests
{
    [Fact]
    public void Parse_Dotenv_ReadsAssignmentsSkippingCommentsAndQuotes()
    {
        const string Text = "# lab\nDR_PRIMARY_REGION=ap-east-2\nexport DR_QUORUM = 2\nDR_RECORD_NAME=\"api.example.com.\"\n\nAWS_ENDPOINT_URL='http://127.0.0.1:4566'\nDR_EMPTY=\n";

        var variables = EnvironmentFile.Parse(Text, "lab.env").For("AnyFunction");

        Assert.Equal("ap-east-2", variables["DR_PRIMARY_REGION"]);
        Assert.Equal("2", variables["DR_QUORUM"]);
        Assert.Equal("api.example.com.", variables["DR_RECORD_NAME"]);
        Assert.Equal("http://127.0.0.1:4566", variables["AWS_ENDPOINT_URL"]);
        Assert.Equal(string.Empty, variables["DR_EMPTY"]);
        Assert.Equal(5, variables.Count);
    }

    [Fact]
    public void Parse_DotenvLineWithoutEquals_ThrowsWithTheLineNumber()
    {
        var exception = Assert.Throws<EmulatorConfigurationException>(() => EnvironmentFile.Parse("A=1\nnot an assignment\n", "lab.env"));

        Assert.Contains("lab.env:2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SamJson_FunctionSectionOverridesParameters()
    {
        const string Text = """
            {
              "Parameters": { "DR_QUORUM": "2", "AWS_ENDPOINT_URL": "http://127.0.0.1:4566" },
              "DnsUpdater": { "DR_QUORUM": "3", "DR_DNS_TTL_SECONDS": 30, "DR_FLAG": true }
            }
            """;
        var file = EnvironmentFile.Parse(Text, "env.json");

        var dns = file.For("DnsUpdater");
        var other = file.For("HealthValidator");

        Assert.Equal("3", dns["DR_QUORUM"]);
        Assert.Equal("30", dns["DR_DNS_TTL_SECONDS"]);
        Assert.Equal("true", dns["DR_FLAG"]);
        Assert.Equal("http://127.0.0.1:4566", dns["AWS_ENDPOINT_URL"]);
        Assert.Equal("2", other["DR_QUORUM"]);
        Assert.False(other.ContainsKey("DR_DNS_TTL_SECONDS"));
    }

    [Theory]
    [InlineData("{\"Parameters\": [1]}")]
    [InlineData("{\"Parameters\": {\"A\": {\"nested\": 1}}}")]
    [InlineData("{\"Parameters\": ")]
    public void Parse_InvalidSamJson_Throws(string text) =>
        Assert.Throws<EmulatorConfigurationException>(() => EnvironmentFile.Parse(text, "env.json"));

    [Fact]
    public void Load_MissingFile_ThrowsConfigurationError() =>
        Assert.Throws<EmulatorConfigurationException>(() => EnvironmentFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".env")));
}
