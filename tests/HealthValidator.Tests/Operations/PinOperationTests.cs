using System.Text.Json;
using DrLambdas.Aws.Route53;
using DrLambdas.HealthValidator.Operations;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Errors;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Operations;

/// <summary><c>pin</c>: judges a failed pin attempt (landed after all, retry, or give up past DR_PIN_RETRY_SECONDS and page).</summary>
public sealed class PinOperationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = ValidatorWorld.T0;
    private static readonly IReadOnlyList<RecordWeight> ZeroHundred = [new("tpe", Tpe, 0), new("nrt", Nrt, 100)];
    private readonly ValidatorWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Pin_FirstFailureWithinTheWindow_IsPendingAndOpensTheWindowNow()
    {
        var judgement = await JudgeAsync(Request(since: null, attempts: 0));

        Assert.Equal(PinState.Pending, judgement.State);
        Assert.Equal(T0, judgement.Since);
        Assert.Equal(1, judgement.Attempts);
        Assert.Equal(T0.AddSeconds(900), judgement.GiveUpAt);
        Assert.Contains("AwsTransientException: connect timeout", judgement.Detail, StringComparison.Ordinal);
        Assert.Empty(_world.Context.Metric(PinOperation.PinFailedMetric));
    }

    [Fact]
    public async Task Pin_RecordsHoldTheDesiredWeights_IsLanded()
    {
        _world.Weights = (0, 100);

        var judgement = await JudgeAsync(Request(since: T0, attempts: 3));

        Assert.Equal(PinState.Landed, judgement.State);
        Assert.Equal(4, judgement.Attempts);
    }

    [Fact]
    public async Task Pin_WindowPassed_IsFailedAndWritesThePagingMetric()
    {
        _world.Time.Advance(TimeSpan.FromSeconds(900));

        var judgement = await JudgeAsync(Request(since: T0, attempts: 30));

        Assert.Equal(PinState.Failed, judgement.State);
        Assert.Contains("traffic is held by the health checks only", judgement.Detail, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(_world.Context.Metric(PinOperation.PinFailedMetric)).GetProperty(PinOperation.PinFailedMetric).GetDouble());
    }

    [Fact]
    public async Task Pin_WindowPassedButRecordsHoldTheWeights_IsLandedWithoutPaging()
    {
        _world.Time.Advance(TimeSpan.FromSeconds(1200));
        _world.Weights = (0, 100);

        var judgement = await JudgeAsync(Request(since: T0, attempts: 30));

        Assert.Equal(PinState.Landed, judgement.State);
        Assert.Empty(_world.Context.Metric(PinOperation.PinFailedMetric));
    }

    [Fact]
    public async Task Pin_Route53Unreadable_IsPendingWithinTheWindow()
    {
        _world.Route53.Setup(client => client.ListResourceRecordSetsAsync(It.IsAny<ListResourceRecordSetsRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.NetworkError("ListResourceRecordSets"));

        var judgement = await JudgeAsync(Request(since: T0, attempts: 1));

        Assert.Equal(PinState.Pending, judgement.State);
        Assert.Contains("unreadable", judgement.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_SinceInTheFuture_ThrowsInputValidationAndReadsNothing()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => JudgeAsync(Request(since: T0.AddMinutes(5), attempts: 1)));

        Assert.Equal("since", error.Field);
        _world.Route53.Verify(client => client.ListResourceRecordSetsAsync(It.IsAny<ListResourceRecordSetsRequest>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task Pin_NegativeAttempts_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => JudgeAsync(Request(since: null, attempts: -1)));

        Assert.Equal("attempts", error.Field);
    }

    [Fact]
    public async Task Pin_NoDesiredWeights_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => JudgeAsync(Request(since: null, attempts: 0) with { DesiredWeights = [] }));

        Assert.Equal("desiredWeights", error.Field);
    }

    private static PinRequest Request(DateTimeOffset? since, int attempts) =>
        new(OperationNames.Pin, "dr-current", ZeroHundred, since, attempts, "AwsTransientException", "connect timeout");

    private Task<PinResponse> JudgeAsync(PinRequest request) => _world.InvokeAsync(
        JsonSerializer.SerializeToElement(request, ContractsJsonContext.Default.PinRequest),
        ContractsJsonContext.Default.PinResponse);
}
