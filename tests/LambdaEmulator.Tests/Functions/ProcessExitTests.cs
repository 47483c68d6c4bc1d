using DrLambdas.LambdaEmulator.Functions;

namespace DrLambdas.LambdaEmulator.Tests.Functions;

public sealed class ProcessExitTests
{
    [Theory]
    [InlineData(1, "exit status 1")]
    [InlineData(2, "exit status 2")]
    [InlineData(137, "signal: killed")]
    [InlineData(134, "signal: aborted")]
    [InlineData(143, "signal: terminated")]
    [InlineData(255, "exit status 255")]
    public void Describe_ExitCode_UsesLambdasWording(int exitCode, string expected) =>
        Assert.Equal(expected, ProcessExit.Describe(exitCode));

    [Fact]
    public void Exited_ZeroExitCode_SaysNoReasonWasGiven()
    {
        var document = System.Text.Json.JsonDocument.Parse(FunctionErrors.Exited("req-1", 0)).RootElement;

        Assert.Equal("Runtime.ExitError", document.GetProperty("errorType").GetString());
        Assert.Equal("RequestId: req-1 Error: Runtime exited without providing a reason", document.GetProperty("errorMessage").GetString());
    }
}
