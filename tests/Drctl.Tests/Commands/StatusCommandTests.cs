using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Tests.Support;
using DrLambdas.Shared.Domain;
using Moq;

namespace DrLambdas.Drctl.Tests.Commands;

public sealed class StatusCommandTests
{
    private readonly DrctlHarness _drctl = new();

    public StatusCommandTests() => _drctl.Executions();

    private void World(Func<HealthSignal, HealthSignal>? change = null) =>
        _drctl.World.Setup(w => w.ObserveAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Worlds.Healthy(change));

    [Fact]
    public async Task Status_EverythingHealthy_ExitsZeroAndShowsBothRegions()
    {
        World();

        var run = await _drctl.RunAsync("status");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ap-east-2 (Primary)", run.Out, StringComparison.Ordinal);
        Assert.Contains("ap-northeast-1 (Secondary)", run.Out, StringComparison.Ordinal);
        Assert.Contains("70 (normally 70)", run.Out, StringComparison.Ordinal);
        Assert.Contains("HEALTHY", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_PrimaryProbeUnhealthy_ExitsOneAndNamesTheSignal()
    {
        World(s => s.Kind == SignalKind.Probe && s.Region == Worlds.Primary ? s with { Verdict = Verdict.Unhealthy, Detail = "connection refused" } : s);

        var run = await _drctl.RunAsync("status");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("DEGRADED", run.Out, StringComparison.Ordinal);
        Assert.Contains("Probe ap-east-2 (from ap-northeast-1): connection refused", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AlarmUnreadable_ExitsTwoCannotTell()
    {
        World(s => s.Kind == SignalKind.Alarm ? s with { Verdict = Verdict.Unknown, Detail = "DescribeAlarms timed out" } : s);

        var run = await _drctl.RunAsync("status");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("CANNOT TELL", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_CarriesVerdictRegionsPauseAndExecutions()
    {
        World();
        _drctl.Parameters.Setup(p => p.GetAsync(DrctlHarness.PauseName, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync("""{"pausedBy":"arn:aws:iam::111122223333:user/bob","reason":"db upgrade","pausedAt":"2026-12-03T04:30:00Z","expiresAt":"2026-12-03T06:00:00Z"}""");

        var run = await _drctl.RunAsync("status", "--json");

        var json = run.Json;
        Assert.Equal("healthy", json.GetProperty("verdict").GetString());
        Assert.Equal(2, json.GetProperty("regions").GetArrayLength());
        Assert.Equal("ap-east-2", json.GetProperty("writerRegion").GetString());
        Assert.Equal("Paused", json.GetProperty("pause").GetProperty("state").GetString());
        Assert.Equal("db upgrade", json.GetProperty("pause").GetProperty("reason").GetString());
        Assert.Equal(0, json.GetProperty("runningExecutions").GetArrayLength());
    }

    [Fact]
    public async Task Status_Paused_ShowsWhoWhyAndUntilWhen()
    {
        World();
        _drctl.Parameters.Setup(p => p.GetAsync(DrctlHarness.PauseName, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync("""{"pausedBy":"arn:aws:iam::111122223333:user/bob","reason":"db upgrade","pausedAt":"2026-12-03T04:30:00Z","expiresAt":"2026-12-03T06:00:00Z"}""");

        var run = await _drctl.RunAsync("status");

        Assert.Contains("PAUSED by arn:aws:iam::111122223333:user/bob since 2026-12-03T04:30:00.000Z until 2026-12-03T06:00:00.000Z: db upgrade", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ExecutionAwaitingApproval_ShowsTheApproveAndRejectCommands()
    {
        World();
        _drctl.Executions(new ExecutionSummary(
            DrctlHarness.ExecutionArn(DrctlHarness.Failover, "alarm-1"), DrctlHarness.Failover, "alarm-1",
            StepFunctionsExecutionStatus.Running, DrctlHarness.Now.AddMinutes(-2), null));
        _drctl.Parameters.Setup(p => p.GetAsync(DrctlHarness.ApprovalPrefix + "/alarm-1", false, It.IsAny<CancellationToken>()))
            .ReturnsAsync("""{"taskToken":"secret"}""");

        var run = await _drctl.RunAsync("status");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("awaiting approval: drctl approve alarm-1 --reason ... | drctl reject alarm-1 --reason ...", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WriterInSecondary_ExitsOneDegraded()
    {
        var world = Worlds.Healthy();
        world = world with
        {
            GlobalCluster = world.GlobalCluster with
            {
                Members = world.GlobalCluster.Members.Select(m => m with { IsWriter = !m.IsWriter }).ToList(),
            },
        };
        _drctl.World.Setup(w => w.ObserveAsync(It.IsAny<CancellationToken>())).ReturnsAsync(world);

        var run = await _drctl.RunAsync("status");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the writer is in ap-northeast-1, not the primary ap-east-2", run.Out, StringComparison.Ordinal);
    }
}
