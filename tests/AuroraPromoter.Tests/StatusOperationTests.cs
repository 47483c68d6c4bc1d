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
    public async Task Status_NoOperationAndOldWriterAfterTheGrace_IsNotPromoted()
    {
        _world.Time.Advance(TimeSpan.FromMinutes(2));

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.NotPromoted, result.Status);
        Assert.False(result.Promoted);
        Assert.False(result.TimedOut);
        Assert.Contains($"the writer is still {TpeArn}", result.Detail, StringComparison.Ordinal);
        Assert.Single(_world.Context.Metric("PromotionsNotPromoted"));
    }

    [Fact]
    public async Task Status_SwitchoverCancelledBecauseThePrimaryDied_WaitsThenReportsNotPromoted()
    {
        _world.FailoverState = new GlobalClusterFailoverState("pending", TpeArn, NrtArn, false);
        _world.Time.Advance(TimeSpan.FromSeconds(10));
        var pending = await _world.StatusAsync(T0);
        _world.FailoverState = new GlobalClusterFailoverState("cancelling", TpeArn, NrtArn, false);
        _world.Time.Advance(TimeSpan.FromSeconds(20));
        var cancelling = await _world.StatusAsync(T0);
        _world.FailoverState = null;
        _world.Time.Advance(TimeSpan.FromSeconds(40));

        var ended = await _world.StatusAsync(T0);

        Assert.Equal([PromotionState.InProgress, PromotionState.InProgress, PromotionState.NotPromoted], [pending.Status, cancelling.Status, ended.Status]);
        Assert.Contains("being cancelled", cancelling.Detail, StringComparison.Ordinal);
        Assert.All([pending, cancelling, ended], result => Assert.False(result.Promoted));
    }

    [Fact]
    public async Task Status_OperationBeingCancelled_IsInProgressUntilRdsRestoresTheWriter()
    {
        _world.FailoverState = new GlobalClusterFailoverState("cancelling", TpeArn, NrtArn, false);

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.InProgress, result.Status);
        Assert.False(result.Promoted);
    }

    [Fact]
    public async Task Status_Completed_ReportsPromoted()
    {
        _world.WriterArn = NrtArn;

        var result = await _world.StatusAsync(T0);

        Assert.True(result.Promoted);
    }

    [Fact]
    public async Task Status_TargetWriterButClusterNotAvailable_ReportsPromoted()
    {
        _world.WriterArn = NrtArn;
        _world.ClusterStatus = "promoting";

        var result = await _world.StatusAsync(T0);

        Assert.Equal(PromotionState.InProgress, result.Status);
        Assert.True(result.Promoted);
    }

    [Fact]
    public async Task Status_Output_WritesPromotedAsAJsonBoolean()
    {
        _world.Time.Advance(TimeSpan.FromMinutes(2));

        var output = await _world.InvokeAsync(
            $$"""{"operation":"status","targetClusterArn":"{{NrtArn}}","startedAt":"2026-11-26T00:00:00Z"}""",
            ContractsJsonContext.Default.JsonElement);

        Assert.Equal("NotPromoted", output.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.False, output.GetProperty("promoted").ValueKind);
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
    public async Task Status_StartedAtInTheFuture_ThrowsInputValidationWithoutAnyRdsCall()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.StatusAsync(T0.AddMinutes(2)));

        Assert.Equal("startedAt", error.Field);
        _world.Rds.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Status_StartedAtAheadWithinTheClockSkew_IsAccepted()
    {
        var result = await _world.StatusAsync(T0.AddSeconds(30));

        Assert.Equal(PromotionState.InProgress, result.Status);
        Assert.Equal(0, result.ElapsedSeconds);
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
