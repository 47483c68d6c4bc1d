using System.Text.Json;
using DrLambdas.Aws.CloudWatch;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Errors;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Operations;

/// <summary>
/// Extra health signals (an MSK MirrorMaker 2 lag alarm in Taiwan, a connection-pool alarm in Tokyo) through the
/// operations: evidence for assess, never a vote; required OK by the failback gate and failback readiness.
/// </summary>
public sealed class ExtraSignalOperationTests : IDisposable
{
    private const string MskLag = "orders-mm2-lag";
    private const string PoolSaturation = "orders-db-pool";

    private readonly ValidatorWorld _world = new(Load(variables =>
    {
        variables[EnvironmentVariables.PrimaryExtraSignals] = $"msk-replication-lag:{MskLag}";
        variables[EnvironmentVariables.SecondaryExtraSignals] = $"db-connection-pool:{PoolSaturation}";
    }));

    public ExtraSignalOperationTests()
    {
        _world.AlarmStates[MskLag] = CloudWatchAlarmState.Ok;
        _world.AlarmRegions[MskLag] = Tpe;
        _world.AlarmStates[PoolSaturation] = CloudWatchAlarmState.Ok;
        _world.AlarmRegions[PoolSaturation] = Nrt;
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Assess_ExtraSignalsRead_ReportedAsEvidenceInTheirRegions()
    {
        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var reason = Assert.Single(result.Decision.Reasons, reason => reason.Code == ReasonCode.ExtraSignalsNotCounted);
        Assert.Equal(
            [$"extra:msk-replication-lag:{MskLag}→{Tpe} healthy: alarm {MskLag} OK: Threshold Crossed",
             $"extra:db-connection-pool:{PoolSaturation}→{Nrt} healthy: alarm {PoolSaturation} OK: Threshold Crossed"],
            reason.Evidence);
    }

    [Fact]
    public async Task Assess_ExtraSignalInAlarmBesideOneFailingKind_DoesNotMakeAQuorum()
    {
        // Counted as an alarm, the lag alarm would be the second kind beside Route 53's failing checkers.
        _world.HealthyCheckers[Tpe] = 0;
        _world.AlarmStates[MskLag] = CloudWatchAlarmState.Alarm;

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.None, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.PrimaryNotDownByQuorum);
        Assert.DoesNotContain(result.Signals, signal => signal.Detail.Contains(MskLag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assess_PrimaryRegionDown_ItsExtraSignalReadsAsUnknown()
    {
        _world.PrimaryRegionOutage();
        _world.UnreachableCloudWatch.Add(Tpe);

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var reason = Assert.Single(result.Decision.Reasons, reason => reason.Code == ReasonCode.ExtraSignalsNotCounted);
        Assert.StartsWith($"extra:msk-replication-lag:{MskLag}→{Tpe} unknown: alarm {MskLag} in {Tpe} unreadable", reason.Evidence[0], StringComparison.Ordinal);
        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
    }

    [Fact]
    public async Task Gate_ExtraSignalOfTheRegionInAlarm_FailsTheGate()
    {
        _world.AlarmStates[MskLag] = CloudWatchAlarmState.Alarm;

        var error = await Assert.ThrowsAsync<HealthGateFailedException>(() => GateAsync(Tpe));

        Assert.Contains($"extra signal msk-replication-lag {MskLag} in {Tpe} is not OK", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_ExtraSignalUnreadable_FailsTheGate()
    {
        _world.UnreachableCloudWatch.Add(Tpe);

        var error = await Assert.ThrowsAsync<HealthGateFailedException>(() => GateAsync(Tpe));

        Assert.Contains($"alarm {MskLag} in {Tpe} unreadable", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_ExtraSignalOfTheOtherRegionInAlarm_Passes()
    {
        _world.AlarmStates[PoolSaturation] = CloudWatchAlarmState.Alarm;

        var result = await GateAsync(Tpe);

        Assert.True(result.Healthy);
        Assert.Contains($"extra:msk-replication-lag:{MskLag}→{Tpe} healthy", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_ExtraSignalOfThePrimaryInAlarm_CheckIsNotHealthy()
    {
        _world.WriterArn = NrtArn;
        _world.Weights = (0, 100);
        _world.AlarmStates[MskLag] = CloudWatchAlarmState.Alarm;

        var result = await _world.InvokeAsync(
            JsonSerializer.SerializeToElement(new RecoveryRequest(OperationNames.Recovery, [], "dr-failback"), ContractsJsonContext.Default.RecoveryRequest),
            ContractsJsonContext.Default.RecoveryResponse);

        Assert.False(result.Check.Healthy);
        Assert.Equal(0, result.HealthyStreak);
        Assert.Contains($"extra signal msk-replication-lag {MskLag} in {Tpe} is not OK", result.Check.Detail, StringComparison.Ordinal);
    }

    private Task<GateResponse> GateAsync(string region) => _world.InvokeAsync(
        ValidatorWorld.Json($$"""{"operation":"gate","region":"{{region}}","incidentId":"dr-failback"}"""),
        ContractsJsonContext.Default.GateResponse);
}
