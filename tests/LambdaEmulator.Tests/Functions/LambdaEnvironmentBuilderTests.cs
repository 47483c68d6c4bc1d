using DrLambdas.LambdaEmulator.Configuration;
using DrLambdas.LambdaEmulator.Functions;

namespace DrLambdas.LambdaEmulator.Tests.Functions;

public sealed class LambdaEnvironmentBuilderTests
{
    private static readonly FunctionDefinition Function = new(
        "DnsUpdater",
        "/opt/fn/bootstrap",
        512,
        TimeSpan.FromSeconds(30),
        new Dictionary<string, string> { ["DR_QUORUM"] = "3", ["AWS_ACCESS_KEY_ID"] = "AKIDDRLAB" });

    [Fact]
    public void Build_SetsTheLambdaVariables()
    {
        var environment = LambdaEnvironmentBuilder.Build(Function, new EmulatorSettings { Region = "ap-northeast-1" }, "127.0.0.1:9001", "stream");

        Assert.Equal("127.0.0.1:9001", environment["AWS_LAMBDA_RUNTIME_API"]);
        Assert.Equal("DnsUpdater", environment["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("512", environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("ap-northeast-1", environment["AWS_REGION"]);
        Assert.Equal("/aws/lambda/DnsUpdater", environment["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.Equal("/opt/fn", environment["LAMBDA_TASK_ROOT"]);
        Assert.Equal("3", environment["DR_QUORUM"]);
    }

    [Fact]
    public void Build_FunctionVariables_OverrideInheritedOnes()
    {
        var settings = new EmulatorSettings { InheritedVariables = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "from-shell" } };

        var environment = LambdaEnvironmentBuilder.Build(Function, settings, "127.0.0.1:1", "stream");

        Assert.Equal("AKIDDRLAB", environment["AWS_ACCESS_KEY_ID"]);
    }

    [Fact]
    public void Inherited_TakesCredentialsButNotArbitraryVariables()
    {
        var shell = new Dictionary<string, string> { ["AWS_SECRET_ACCESS_KEY"] = "s", ["DR_QUORUM"] = "9", ["AWS_SESSION_TOKEN"] = "" };

        var inherited = LambdaEnvironmentBuilder.Inherited(shell.GetValueOrDefault);

        Assert.Equal("s", inherited["AWS_SECRET_ACCESS_KEY"]);
        Assert.False(inherited.ContainsKey("DR_QUORUM"));
        Assert.False(inherited.ContainsKey("AWS_SESSION_TOKEN"));
    }
}
