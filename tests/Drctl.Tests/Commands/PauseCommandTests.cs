using System.Text.Json;
using DrLambdas.Drctl.Tests.Support;
using Moq;

namespace DrLambdas.Drctl.Tests.Commands;

public sealed class PauseCommandTests
{
    private readonly DrctlHarness _drctl = new();

    [Fact]
    public async Task Pause_ForThirtyMinutes_WritesThePauseDocumentAsTheCaller()
    {
        string? value = null;
        _drctl.Parameters.Setup(p => p.PutAsync(DrctlHarness.PauseName, It.IsAny<string>(), false, true, It.IsAny<CancellationToken>()))
            .Callback((string _, string v, bool _, bool _, CancellationToken _) => value = v).Returns(Task.CompletedTask);

        var run = await _drctl.RunAsync("pause", "--reason", "database upgrade", "--for", "30m");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(value!);
        var root = document.RootElement;
        Assert.Equal(DrctlHarness.Operator, root.GetProperty("pausedBy").GetString());
        Assert.Equal("database upgrade", root.GetProperty("reason").GetString());
        Assert.Equal("2026-12-03T05:00:00.000Z", root.GetProperty("pausedAt").GetString());
        Assert.Equal("2026-12-03T05:30:00.000Z", root.GetProperty("expiresAt").GetString());
        Assert.Contains("Route 53 health checks still move traffic", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_ForAndUntilBoth_UsageErrorAndNothingWritten()
    {
        var run = await _drctl.RunAsync("pause", "--reason", "x", "--for", "1h", "--until", "2026-12-03T09:00:00Z");

        Assert.Equal(64, run.ExitCode);
        _drctl.Parameters.Verify(p => p.PutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("--for", "soon")]
    [InlineData("--for", "0m")]
    [InlineData("--until", "2026-12-03T04:00:00Z")]
    public async Task Pause_BadDuration_UsageError(string option, string value)
    {
        var run = await _drctl.RunAsync("pause", "--reason", "x", option, value);

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith("drctl: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_Paused_DeletesThePauseParameter()
    {
        _drctl.Parameters.Setup(p => p.DeleteAsync(DrctlHarness.PauseName, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var run = await _drctl.RunAsync("resume", "--reason", "upgrade done", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Json.GetProperty("wasPaused").GetBoolean());
        Assert.Equal(DrctlHarness.Operator, run.Json.GetProperty("resumedBy").GetString());
    }

    [Fact]
    public async Task Pause_MissingPutPermission_OneLineNamingTheAction()
    {
        _drctl.Parameters.Setup(p => p.PutAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(DrctlHarness.AwsError("SSM", "PutParameter", "AccessDeniedException", "access denied"));

        var run = await _drctl.RunAsync("pause", "--reason", "x");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("drctl: missing permission ssm:PutParameter (the template's OperatorPolicy grants it): access denied\n", run.Error.ReplaceLineEndings("\n"));
    }
}
