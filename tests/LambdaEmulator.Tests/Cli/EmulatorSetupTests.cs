using System.CommandLine;
using DrLambdas.LambdaEmulator.Cli;
using DrLambdas.LambdaEmulator.Configuration;

namespace DrLambdas.LambdaEmulator.Tests.Cli;

public sealed class EmulatorSetupTests : IDisposable
{
    private readonly string _bootstrap = Path.Combine(Path.GetTempPath(), $"drlambdas-bootstrap-{Guid.NewGuid()}");

    public EmulatorSetupTests() => File.WriteAllText(_bootstrap, "#!/bin/sh\n");

    public void Dispose() => File.Delete(_bootstrap);

    [Fact]
    public void From_PerFunctionMemoryAndTimeout_OverrideTheDefaultsForThatFunctionOnly()
    {
        var (functions, _) = Setup("--memory", "128", "--timeout", "30", "--function", $"a={_bootstrap}", "--function", $"b={_bootstrap}",
            "--function-memory", "a=256", "--function-timeout", "a=3");

        Assert.Equal((256, TimeSpan.FromSeconds(3)), (functions[0].MemorySizeMb, functions[0].Timeout));
        Assert.Equal((128, TimeSpan.FromSeconds(30)), (functions[1].MemorySizeMb, functions[1].Timeout));
    }

    [Fact]
    public void From_PerFunctionOptionNamingNoHostedFunction_IsAConfigurationError()
    {
        var error = Assert.Throws<EmulatorConfigurationException>(() => Setup("--function", $"a={_bootstrap}", "--function-memory", "nope=256"));

        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--function-memory", "a=64")]
    [InlineData("--function-memory", "a=lots")]
    [InlineData("--function-timeout", "a=901")]
    [InlineData("--function-timeout", "a")]
    public void From_PerFunctionValueOutOfRangeOrMalformed_IsAConfigurationError(string option, string value)
    {
        Assert.Throws<EmulatorConfigurationException>(() => Setup("--function", $"a={_bootstrap}", option, value));
    }

    private static (IReadOnlyList<FunctionDefinition> Functions, EmulatorSettings Settings) Setup(params string[] arguments)
    {
        var options = new CommonOptions();
        var command = new RootCommand();
        options.AddTo(command);
        return EmulatorSetup.From(command.Parse(arguments), options, _ => null);
    }
}
