using DrLambdas.Drctl.Tests.Support;

namespace DrLambdas.Drctl.Tests.Configuration;

public sealed class ConfigurationTests : IDisposable
{
    private readonly DrctlHarness _drctl = new();
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"drctl-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task AnyCommand_RequiredVariableMissing_ConfigurationErrorFourNamingIt()
    {
        _drctl.Environment.Remove("DR_GLOBAL_CLUSTER_ID");

        var run = await _drctl.RunAsync("status");

        Assert.Equal(4, run.ExitCode);
        Assert.StartsWith("drctl: configuration: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("DR_GLOBAL_CLUSTER_ID", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigFile_ValuesWinOverTheEnvironment()
    {
        _drctl.Environment["DR_FAILOVER_STATE_MACHINE_ARN"] = "not-an-arn";
        await File.WriteAllTextAsync(_file, $$"""{"DR_FAILOVER_STATE_MACHINE_ARN":"{{DrctlHarness.Failover}}"}""");
        _drctl.Describe();

        var run = await _drctl.RunAsync("watch", "x", "--config", _file);

        Assert.StartsWith("drctl: unknown execution 'x'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigFile_NotJson_ConfigurationErrorFour()
    {
        await File.WriteAllTextAsync(_file, "DR_PRIMARY_REGION=ap-east-2");

        var run = await _drctl.RunAsync("status", "--config", _file);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("is not valid JSON", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("status", "--colour")]
    [InlineData("watch")]
    public async Task CommandLine_Wrong_UsageErrorSixtyFourOnOneLine(params string[] args)
    {
        var run = await _drctl.RunAsync(args);

        Assert.Equal(64, run.ExitCode);
        Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    public void Dispose() => File.Delete(_file);
}
