namespace DrLambdas.DrLab.Tests.World.Traffic;

public class ClientsOptionTests
{
    [Fact]
    public void Parse_NoClientsOption_TwoHundredClients()
    {
        Assert.Equal(200, DrLab.LabOptions.Parse([]).Options?.Clients);
    }

    [Fact]
    public void Parse_ClientsGiven_UsesThem()
    {
        Assert.Equal(1000, DrLab.LabOptions.Parse(["--clients", "1000"]).Options?.Clients);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10001")]
    [InlineData("2.5")]
    [InlineData("many")]
    public void Parse_BadClients_RefusedWithOneProblemNamingTheOption(string value)
    {
        var (options, problems, _) = DrLab.LabOptions.Parse(["--clients", value]);

        Assert.Null(options);
        Assert.Contains("--clients", Assert.Single(problems), StringComparison.Ordinal);
    }
}
