using DrLambdas.Aws.Rds;
using DrLambdas.AuroraPromoter.Tests.Support;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Errors;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.AuroraPromoter.Tests;

public sealed class StatusOperationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = PromoterWorld.T0;
    private readonly PromoterWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Status_OperationTowardTheTargetUnderWay_IsInProgress()
    {
        _world.FailoverState = new GlobalClusterFailoverState("failing-over", TpeArn, NrtArn, true);
        _world.Time.Advance(TimeSpan.FromSeconds(12.5));

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.InProgress, result.Status);
        Assert.Equal(12.5, result.ElapsedSeconds);
        Assert.False(result.TimedOut);
        Assert.Equal(PromoterWorld.GlobalEndpoint, result.WriterEndpoint);
    }

    [Fact]
    public async Task Status_TargetWriterAndAvailable_IsCompleted()
    {
        _world.WriterArn = NrtArn;
        _world.Time.Advance(TimeSpan.FromSeconds(70));

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.Completed, result.Status);
        Assert.Equal(70, result.ElapsedSeconds);
        Assert.Equal(T0, result.StartedAt);
        Assert.Equal(70, Assert.Single(_world.Context.Metric("PromotionDuration")).GetProperty("PromotionDuration").GetDouble());
    }

    [Fact]
    public async Task Status_TargetWriterButClusterNotAvailable_IsInProgress()
    {
        _world.WriterArn = NrtArn;
        _world.ClusterStatus = "promoting";

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.InProgress, result.Status);
        Assert.Contains("promoting", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoOperationShownYetWithinTheGrace_IsInProgress()
    {
        _world.Time.Advance(TimeSpan.FromSeconds(5));

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.InProgress, result.Status);
        Assert.Contains("does not report the operation yet", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoOperationAndOldWriterAfterTheGrace_IsFailed()
    {
        _world.Time.Advance(TimeSpan.FromMinutes(2));

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.Failed, result.Status);
        Assert.Contains(TpeArn, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OperationBeingCancelled_IsFailed()
    {
        _world.FailoverState = new GlobalClusterFailoverState("cancelling", TpeArn, NrtArn, false);

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.Failed, result.Status);
    }

    [Fact]
    public async Task Status_OperationTowardAnotherCluster_IsFailed()
    {
        _world.WriterArn = NrtArn;
        _world.FailoverState = new GlobalClusterFailoverState("switching-over", NrtArn, TpeArn, false);

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.Failed, result.Status);
        Assert.Contains("a different global operation", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_TargetNoLongerAMember_IsFailed()
    {
        _world.Rds.Setup(client => client.DescribeGlobalClustersAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => [_world.GlobalCluster() with { Members = [new GlobalClusterMember(TpeArn, true, [], null, null)] }]);

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.Failed, result.Status);
        Assert.Contains("no longer a member", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_StillInProgressPastThePromotionTimeout_IsTimedOut()
    {
        _world.FailoverState = new GlobalClusterFailoverState("failing-over", TpeArn, NrtArn, true);
        _world.Time.Advance(TimeSpan.FromSeconds(901));

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.InProgress, result.Status);
        Assert.True(result.TimedOut);
        Assert.Single(_world.Context.Metric("PromotionTimeouts"));
    }

    [Fact]
    public async Task Status_CompletedPastThePromotionTimeout_IsNotTimedOut()
    {
        _world.WriterArn = NrtArn;
        _world.Time.Advance(TimeSpan.FromSeconds(1000));

        var result = await _world.StatusAsync(T0);

        Assert.False(result.TimedOut);
    }

    [Fact]
    public async Task Status_UnmanagedCluster_ThrowsInputValidationWithoutAnyRdsCall()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _world.StatusAsync(T0, "arn:aws:rds:ap-northeast-1:111122223333:cluster:other"));

        Assert.Equal("targetClusterArn", error.Field);
        _world.Rds.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Status_MalformedStartedAt_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            $$"""{"operation":"status","targetClusterArn":"{{NrtArn}}","startedAt":"soon"}""",
            ContractsJsonContext.Default.PromotionStatusResponse));

        Assert.Equal("$.startedAt", error.Field);
    }
}
