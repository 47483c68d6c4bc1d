using DrLambdas.HealthValidator.Sources;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Domain;
using Microsoft.Extensions.Time.Testing;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Sources;

public sealed class EvidenceSourceTests : IDisposable
{
    private readonly ValidatorWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData(1, Verdict.Unhealthy)]
    [InlineData(2, Verdict.Healthy)]
    [InlineData(0, Verdict.Unhealthy)]
    public async Task Route53Check_MoreThan18PercentOfCheckersHealthy_IsHealthy(int healthyOfEight, Verdict expected)
    {
        _world.HealthyCheckers[Tpe] = healthyOfEight;

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var signal = Assert.Single(result.Signals, signal => signal.Kind == SignalKind.Route53HealthCheck && signal.Region == Tpe);
        Assert.Equal(expected, signal.Verdict);
        Assert.StartsWith($"{healthyOfEight} of 8 checkers healthy", signal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route53Check_NotConfigured_GivesNoSignal()
    {
        using var world = new ValidatorWorld(Load(variables => variables.Remove("DR_PRIMARY_HEALTH_CHECK_ID")));

        var result = await world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.DoesNotContain(result.Signals, signal => signal.Kind == SignalKind.Route53HealthCheck && signal.Region == Tpe);
    }

    [Fact]
    public async Task Alarms_NoneConfigured_AreNotRead()
    {
        using var world = new ValidatorWorld(Load(variables =>
        {
            variables.Remove("DR_ALARM_NAMES");
            variables.Remove("DR_SECONDARY_ALARM_NAMES");
        }));

        var result = await world.AssessAsync(ValidatorWorld.ManualDocument("dry-run"));

        Assert.DoesNotContain(result.Signals, signal => signal.Kind == SignalKind.Alarm);
    }

    [Fact]
    public async Task SourceRunner_ReadThatThrowsSynchronously_IsAFailedResult()
    {
        var runner = new SourceRunner(new FakeTimeProvider());

        var result = await runner.RunAsync<int>(_ => throw new InvalidOperationException("boom"), TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("InvalidOperationException: boom", result.Failure);
    }

    [Fact]
    public async Task SourceRunner_InvocationCancelled_Propagates()
    {
        var runner = new SourceRunner(new FakeTimeProvider());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            runner.RunAsync(ct => Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => 1, TaskScheduler.Default), TimeSpan.FromSeconds(1), cancelled.Token));
    }

    [Theory]
    [InlineData(30_000, 4000)]
    [InlineData(3000, 2000)]
    [InlineData(500, 200)]
    public void EvidenceBudget_PerSource_IsTheConfiguredTimeoutBoundedByTheDeadline(int remainingMs, int expectedMs)
    {
        var budget = EvidenceBudget.PerSource(TimeSpan.FromMilliseconds(4000), TimeSpan.FromMilliseconds(remainingMs));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), budget);
    }

    [Theory]
    [InlineData("""{"assessment":{"decision":{"action":"Switchover"}}}""", "Switchover")]
    [InlineData("""{"assessment":{"decision":{"action":"3"}}}""", null)]
    [InlineData("""{"assessment":{}}""", null)]
    [InlineData("not json", null)]
    [InlineData(null, null)]
    public void ExecutionHistory_ActionInOutput_ReadsOnlyAKnownActionName(string? output, string? expected)
    {
        Assert.Equal(expected, ExecutionHistoryReader.ActionInOutput(output)?.ToString());
    }
}
