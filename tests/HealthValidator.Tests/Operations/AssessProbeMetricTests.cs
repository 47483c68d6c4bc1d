using DrLambdas.Aws.CloudWatch;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Operations;

/// <summary><c>assess</c> reads the scheduled probes back from their metric: the witness is an outside observer.</summary>
public sealed class AssessProbeMetricTests : IDisposable
{
    private const string Witness = "us-west-2";
    private static readonly double[] Failing = [0, 0, 0, 0, 0, 0];

    private readonly ValidatorWorld _world = new(Load(variables => variables[EnvironmentVariables.WitnessRegion] = Witness));

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Assess_WitnessAndRecoveryProbesFail_FailsOverBeforeRoute53Sees()
    {
        _world.Partition();
        _world.ProbeSeries[(Nrt, Tpe)] = Failing;
        _world.ProbeSeries[(Witness, Tpe)] = Failing;

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
        var down = Assert.Single(result.Decision.Reasons, reason => reason.Code == ReasonCode.PrimaryDownByQuorum);
        Assert.Contains(down.Evidence, line => line.StartsWith($"probe:{Witness}→{Tpe} unhealthy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assess_WitnessSilent_RecoveryRegionAloneIsAPartition()
    {
        _world.Partition();
        _world.ProbeSeries[(Nrt, Tpe)] = Failing;

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.None, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.PartitionSuspected);
    }

    [Fact]
    public async Task Assess_ProbeMetric_ReadFromTheRecoveryRegionForEveryObserverAndTarget()
    {
        await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        _world.CloudWatch.Verify(client => client.GetMetricDataAsync(
            It.Is<GetMetricDataRequest>(request => request.Queries.Count == 4
                && request.Queries.All(query => query.MetricStat!.Metric.Namespace == ProbeMetric.Namespace && query.MetricStat.PeriodSeconds == 1)
                && request.EndTime - request.StartTime == TimeSpan.FromSeconds(30)),
            Nrt, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Assess_IntermittentProbeFailures_CountEachSecondByMajority()
    {
        _world.ProbeSeries[(Witness, Tpe)] = [1, 0, 1, 1, 0, 1];

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var evidence = result.Decision.Reasons.SelectMany(reason => reason.Evidence);
        Assert.Contains($"probe:{Witness}→{Tpe} healthy: EndpointHealthy 4 of 6 probed seconds healthy in the last 30 s", evidence);
        Assert.Equal(DecisionAction.None, result.Decision.Action);
    }

    [Fact]
    public async Task Assess_ProbeMetricUnreadable_UnknownNeverAFailureVote()
    {
        _world.Partition();
        _world.CloudWatch.Setup(client => client.GetMetricDataAsync(
                It.Is<GetMetricDataRequest>(request => request.Queries.Any(query => query.MetricStat!.Metric.Namespace == ProbeMetric.Namespace)),
                It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.NetworkError("GetMetricData"));

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.None, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons.SelectMany(reason => reason.Evidence),
            line => line.StartsWith($"probe:{Witness}→{Tpe} unknown: EndpointHealthy in {Nrt} unreadable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assess_ProbeAlarmOkWhileTheWitnessIsSilent_IsNoHealthyVoteAgainstARegionOutage()
    {
        const string probeAlarm = "drlambdas-primary-probes";
        using var world = new ValidatorWorld(Load(variables =>
        {
            variables[EnvironmentVariables.WitnessRegion] = Witness;
            variables[EnvironmentVariables.PrimaryProbeAlarmName] = probeAlarm;
        }));
        world.PrimaryRegionOutage();
        world.AlarmStates[probeAlarm] = CloudWatchAlarmState.Ok;
        world.ProbeSeries[(Nrt, Tpe)] = Failing;

        var result = await world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.DoesNotContain(result.Decision.Reasons, reason => reason.Code == ReasonCode.HealthyProbeCounterVote);
        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
    }
}
