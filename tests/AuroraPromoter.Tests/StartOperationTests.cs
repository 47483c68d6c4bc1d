using DrLambdas.AuroraPromoter.Tests.Support;
using DrLambdas.Aws;
using DrLambdas.Aws.Rds;
using DrLambdas.Errors;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Errors;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.AuroraPromoter.Tests;

public sealed class StartOperationTests : IDisposable
{
    private readonly PromoterWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Start_Failover_CallsFailoverGlobalClusterWithAllowDataLossThroughTheTargetRegion()
    {
        var result = await _world.StartAsync("Failover");

        Assert.Equal(PromotionOutcome.Started, result.Outcome);
        Assert.Equal(DecisionAction.Failover, result.Action);
        Assert.Equal(NrtArn, result.TargetClusterArn);
        Assert.Equal(PromoterWorld.T0, result.StartedAt);
        _world.Rds.Verify(client => client.FailoverGlobalClusterAsync(
            new FailoverGlobalClusterRequest(GlobalClusterId, NrtArn, GlobalClusterFailoverMode.AllowDataLoss), Nrt, It.IsAny<CancellationToken>()), Times.Once());
        _world.Rds.Verify(client => client.SwitchoverGlobalClusterAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task Start_Switchover_CallsSwitchoverGlobalCluster()
    {
        var result = await _world.StartAsync("Switchover");

        Assert.Equal(PromotionOutcome.Started, result.Outcome);
        _world.Rds.Verify(client => client.SwitchoverGlobalClusterAsync(GlobalClusterId, NrtArn, Nrt, It.IsAny<CancellationToken>()), Times.Once());
        _world.Rds.Verify(client => client.FailoverGlobalClusterAsync(It.IsAny<FailoverGlobalClusterRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task Start_ReadsTheGlobalClusterBeforeActing()
    {
        var calls = new List<string>();
        _world.Rds.Setup(client => client.DescribeGlobalClustersAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("describe")).ReturnsAsync(() => [_world.GlobalCluster()]);
        _world.Rds.Setup(client => client.FailoverGlobalClusterAsync(It.IsAny<FailoverGlobalClusterRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("failover")).ReturnsAsync(() => _world.GlobalCluster());

        await _world.StartAsync("Failover");

        Assert.Equal(["describe", "failover"], calls);
    }

    [Fact]
    public async Task Start_TargetAlreadyTheWriter_IsAlreadyPrimaryAndStartsNothing()
    {
        _world.WriterArn = NrtArn;

        var result = await _world.StartAsync("Failover");

        Assert.Equal(PromotionOutcome.AlreadyPrimary, result.Outcome);
        _world.VerifyNothingStarted();
    }

    [Fact]
    public async Task Start_OperationTowardTheTargetUnderWay_IsInProgressAndStartsNothing()
    {
        _world.FailoverState = new GlobalClusterFailoverState("failing-over", TpeArn, NrtArn, true);

        var result = await _world.StartAsync("Failover");

        Assert.Equal(PromotionOutcome.InProgress, result.Outcome);
        _world.VerifyNothingStarted();
    }

    [Fact]
    public async Task Start_OperationWithoutReportedDestination_CountsTowardTheOnlyReader()
    {
        _world.FailoverState = new GlobalClusterFailoverState("pending", null, null, false);

        var result = await _world.StartAsync("Switchover");

        Assert.Equal(PromotionOutcome.InProgress, result.Outcome);
    }

    [Fact]
    public async Task Start_OperationTowardAnotherClusterUnderWay_ThrowsConflict()
    {
        _world.WriterArn = NrtArn;
        _world.FailoverState = new GlobalClusterFailoverState("switching-over", NrtArn, TpeArn, false);

        var error = await Assert.ThrowsAsync<ConflictException>(() => _world.StartAsync("Failover"));

        Assert.Contains(TpeArn, error.Message, StringComparison.Ordinal);
        _world.VerifyNothingStarted();
    }

    [Fact]
    public async Task Start_InvalidStateBecauseAnotherCallStartedIt_IsInProgress()
    {
        _world.Rds.Setup(client => client.FailoverGlobalClusterAsync(It.IsAny<FailoverGlobalClusterRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback(() => _world.FailoverState = new GlobalClusterFailoverState("failing-over", TpeArn, NrtArn, true))
            .ThrowsAsync(PromoterWorld.InvalidState());

        var result = await _world.StartAsync("Failover");

        Assert.Equal(PromotionOutcome.InProgress, result.Outcome);
    }

    [Fact]
    public async Task Start_InvalidStateAfterTheOperationAlreadyFinished_IsInProgress()
    {
        _world.Rds.Setup(client => client.SwitchoverGlobalClusterAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback(() => _world.WriterArn = NrtArn)
            .ThrowsAsync(PromoterWorld.InvalidState());

        var result = await _world.StartAsync("Switchover");

        Assert.Equal(PromotionOutcome.InProgress, result.Outcome);
    }

    [Fact]
    public async Task Start_InvalidStateWithNoOperationUnderWay_Rethrows()
    {
        _world.Rds.Setup(client => client.SwitchoverGlobalClusterAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(PromoterWorld.InvalidState());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _world.StartAsync("Switchover"));

        Assert.Equal("InvalidGlobalClusterStateFault", error.ErrorCode);
    }

    [Fact]
    public async Task Start_OtherAwsError_Propagates()
    {
        _world.Rds.Setup(client => client.FailoverGlobalClusterAsync(It.IsAny<FailoverGlobalClusterRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AwsTransientException("RDS", "FailoverGlobalCluster", "Throttling", "Rate exceeded", "req-2", System.Net.HttpStatusCode.BadRequest));

        await Assert.ThrowsAsync<AwsTransientException>(() => _world.StartAsync("Failover"));
    }

    [Fact]
    public async Task Start_GlobalClusterMissing_ThrowsConfigurationException()
    {
        _world.GlobalClusterExists = false;

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => _world.StartAsync("Failover"));

        Assert.Contains("DR_GLOBAL_CLUSTER_ID", error.Message, StringComparison.Ordinal);
        _world.VerifyNothingStarted();
    }

    [Theory]
    [InlineData("None", Nrt, NrtArn, false, "action")]
    [InlineData("failover", Nrt, NrtArn, true, "action")]
    [InlineData("Failover", Nrt, NrtArn, false, "allowDataLoss")]
    [InlineData("Switchover", Nrt, NrtArn, true, "allowDataLoss")]
    [InlineData("Failover", Tpe, NrtArn, true, "targetRegion")]
    [InlineData("Failover", Nrt, "arn:aws:rds:ap-northeast-1:111122223333:cluster:other", true, "targetClusterArn")]
    public async Task Start_InvalidRequest_ThrowsInputValidationWithoutAnyRdsCall(string action, string region, string arn, bool allowDataLoss, string field)
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.StartAsync(action, region, arn, allowDataLoss));

        Assert.Equal(field, error.Field);
        _world.Rds.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Start_BlankIncidentId_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            $$"""{"operation":"start","incidentId":"","action":"Failover","targetRegion":"{{Nrt}}","targetClusterArn":"{{NrtArn}}","allowDataLoss":true}""",
            ContractsJsonContext.Default.PromotionStartResponse));

        Assert.Equal("incidentId", error.Field);
        _world.Rds.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Start_MissingAllowDataLoss_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            $$"""{"operation":"start","incidentId":"dr-42","action":"Failover","targetRegion":"{{Nrt}}","targetClusterArn":"{{NrtArn}}"}""",
            ContractsJsonContext.Default.PromotionStartResponse));

        Assert.Contains("allowDataLoss", error.Message, StringComparison.Ordinal);
        _world.Rds.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Route_UnknownOperation_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _world.InvokeAsync("""{"operation":"promote"}""", ContractsJsonContext.Default.PromotionStartResponse));

        Assert.Equal("'promote' is not an operation of AuroraPromoter; expected one of start, status", error.Problem);
    }

    [Fact]
    public async Task Start_Outcome_IsLoggedWithTheIncidentAndCounted()
    {
        await _world.StartAsync("Failover");

        var logged = Assert.Single(_world.Context.LogRecords, record => record.GetProperty("message").GetString()!.StartsWith("Promotion of", StringComparison.Ordinal));
        Assert.Equal("dr-42", logged.GetProperty("incidentId").GetString());
        Assert.Equal("Started", logged.GetProperty("outcome").GetString());
        var metric = Assert.Single(_world.Context.Metric("PromotionStarts"));
        Assert.Equal("Failover", metric.GetProperty("Action").GetString());
    }
}
