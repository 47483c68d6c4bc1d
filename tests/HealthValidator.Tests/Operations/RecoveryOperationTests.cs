using System.Text.Json;
using DrLambdas.Aws.Rds;
using DrLambdas.HealthValidator.Operations;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Operations;

public sealed class RecoveryOperationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = ValidatorWorld.T0;
    private readonly ValidatorWorld _world = new();

    public RecoveryOperationTests()
    {
        // After a failover: Tokyo writes, Taiwan is back and replicating.
        _world.WriterArn = NrtArn;
        _world.Weights = (0, 100);
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Recovery_PrimaryHealthyAndSynchronised_AppendsAHealthyCheck()
    {
        var result = await RecoveryAsync([]);

        Assert.True(result.Check.Healthy);
        Assert.Equal(T0, result.Check.At);
        Assert.Equal((false, 1, 3), (result.Ready, result.HealthyStreak, result.Required));
        Assert.Equal([result.Check], result.History);
        Assert.Null(result.Plan);
        Assert.EndsWith("in the global cluster, available, synchronised", result.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_ThirdConsecutiveHealthyCheckAnIntervalApart_IsReadyWithThePlan()
    {
        var result = await RecoveryAsync([new ReadinessCheck(T0.AddMinutes(-10), true), new ReadinessCheck(T0.AddMinutes(-5), true)]);

        Assert.True(result.Ready);
        Assert.Equal(3, result.HealthyStreak);
        Assert.NotNull(result.Plan);
        Assert.Equal([10, 30, 70], result.Plan.Steps.Select(step => step.Weights[0].Weight));
        Assert.Equal([0, 100], result.Plan.RollbackWeights.Select(weight => weight.Weight));
    }

    [Fact]
    public async Task Recovery_PrimaryAlreadyWriterWithNormalWeights_IsNotReadyAndPlansNothing()
    {
        _world.WriterArn = TpeArn;
        _world.Weights = (70, 30);

        var result = await RecoveryAsync([new ReadinessCheck(T0.AddMinutes(-10), true), new ReadinessCheck(T0.AddMinutes(-5), true)]);

        Assert.Equal(3, result.HealthyStreak);
        Assert.False(result.Ready);
        Assert.Null(result.Plan);
        Assert.Contains("nothing to fail back", result.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_TrafficPartlyShiftedBack_PlansOnlyTheStepsAhead()
    {
        _world.Weights = (30, 70);

        var result = await RecoveryAsync([new ReadinessCheck(T0.AddMinutes(-10), true), new ReadinessCheck(T0.AddMinutes(-5), true)]);

        Assert.True(result.Ready);
        Assert.Equal([70], result.Plan!.Steps.Select(step => step.Weights[0].Weight));
    }

    [Fact]
    public async Task Recovery_WeightsUnreadable_IsNotHealthy()
    {
        _world.Route53.Setup(client => client.ListResourceRecordSetsAsync(It.IsAny<DrLambdas.Aws.Route53.ListResourceRecordSetsRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));

        var result = await RecoveryAsync([]);

        Assert.False(result.Check.Healthy);
        Assert.Contains("the weighted records could not be read", result.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_PrimaryNotSynchronised_IsNotHealthyAndResetsTheStreak()
    {
        _world.TpeSynchronisation = "pending-resync";

        var result = await RecoveryAsync([new ReadinessCheck(T0.AddMinutes(-10), true), new ReadinessCheck(T0.AddMinutes(-5), true)]);

        Assert.False(result.Check.Healthy);
        Assert.Equal(0, result.HealthyStreak);
        Assert.False(result.Ready);
        Assert.Contains("not synchronised (PendingResync)", result.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_PrimaryProbeUnhealthy_IsNotHealthy()
    {
        _world.ProbeVerdicts[Tpe] = Verdict.Unhealthy;

        var result = await RecoveryAsync([]);

        Assert.False(result.Check.Healthy);
        Assert.StartsWith("Probe Unhealthy", result.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_PrimaryClusterNotAvailable_IsNotHealthy()
    {
        _world.ClusterStatus[TpeArn] = "modifying";

        var result = await RecoveryAsync([]);

        Assert.False(result.Check.Healthy);
        Assert.Contains("is modifying, not available", result.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_PrimaryClusterOutsideTheGlobalCluster_IsNotHealthy()
    {
        _world.Rds.Setup(client => client.DescribeGlobalClustersAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<GlobalCluster>)[]);

        var result = await RecoveryAsync([]);

        Assert.False(result.Check.Healthy);
        Assert.Contains("is not a member of global cluster app-global", result.Check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_LongHistory_KeepsOnlyTheMostRecentChecks()
    {
        var history = Enumerable.Range(1, 40).Select(index => new ReadinessCheck(T0.AddMinutes(-5 * (41 - index)), false)).ToList();

        var result = await RecoveryAsync(history);

        Assert.Equal(RecoveryOperation.MinimumHistoryKept, result.History.Count);
        Assert.Equal(result.Check, result.History[^1]);
    }

    [Fact]
    public async Task Recovery_NotReady_OmitsThePlanFromTheOutput()
    {
        var output = await _world.InvokeRawAsync(ValidatorWorld.Json("""{"operation":"recovery","history":[]}"""));

        Assert.False(output.TryGetProperty("plan", out _));
        Assert.Equal(JsonValueKind.False, output.GetProperty("ready").ValueKind);
    }

    [Fact]
    public async Task Recovery_Check_WritesAReadinessMetric()
    {
        await RecoveryAsync([]);

        Assert.Equal("true", Assert.Single(_world.Context.Metric("FailbackReadinessChecks")).GetProperty("Healthy").GetString());
    }

    private Task<RecoveryResponse> RecoveryAsync(IReadOnlyList<ReadinessCheck> history) => _world.InvokeAsync(
        JsonSerializer.SerializeToElement(new RecoveryRequest(OperationNames.Recovery, history, "dr-failback"), ContractsJsonContext.Default.RecoveryRequest),
        ContractsJsonContext.Default.RecoveryResponse);
}
