using System.Text.Json;
using DrLambdas.Aws.Route53;
using DrLambdas.DnsUpdater.Tests.Support;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Errors;

namespace DrLambdas.DnsUpdater.Tests;

public sealed class DnsStatusOperationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = DnsWorld.T0;
    private readonly DnsWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Status_EveryChangeInSync_IsInSync()
    {
        _world.ChangeStatuses["/change/C1"] = ChangeStatus.InSync;
        _world.ChangeStatuses["/change/C2"] = ChangeStatus.InSync;
        _world.Time.Advance(TimeSpan.FromSeconds(42));

        var result = await _world.StatusAsync("\"/change/C1\",\"/change/C2\"", T0);

        Assert.Equal(ChangePropagation.InSync, result.Status);
        Assert.Equal(42, result.ElapsedSeconds);
        Assert.False(result.TimedOut);
        Assert.Equal(["/change/C1", "/change/C2"], result.ChangeIds);
        Assert.Equal(42, Assert.Single(_world.Context.Metric("PropagationDuration")).GetProperty("PropagationDuration").GetDouble());
    }

    [Fact]
    public async Task Status_OneChangePending_IsPending()
    {
        _world.ChangeStatuses["/change/C1"] = ChangeStatus.InSync;

        var result = await _world.StatusAsync("\"/change/C1\",\"/change/C2\"", T0);

        Assert.Equal(ChangePropagation.Pending, result.Status);
        Assert.Empty(_world.Context.Metric("PropagationDuration"));
    }

    [Fact]
    public async Task Status_NoChanges_IsInSyncWithoutAnyCall()
    {
        var result = await _world.StatusAsync(string.Empty, T0);

        Assert.Equal(ChangePropagation.InSync, result.Status);
        _world.Route53.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Status_PendingPastThePropagationTimeout_IsTimedOut()
    {
        _world.Time.Advance(TimeSpan.FromSeconds(301));

        var result = await _world.StatusAsync("\"/change/C1\"", T0);

        Assert.True(result.TimedOut);
        Assert.Single(_world.Context.Metric("PropagationTimeouts"));
    }

    [Fact]
    public async Task Status_Output_OmitsWhatOnlyApplyKnows()
    {
        var result = await _world.StatusAsync("\"/change/C1\"", T0);
        var json = JsonSerializer.SerializeToElement(result, ContractsJsonContext.Default.DnsChangeResponse);

        Assert.False(json.TryGetProperty("changed", out _));
        Assert.False(json.TryGetProperty("unchanged", out _));
        Assert.Equal("PENDING", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Status_BlankChangeId_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.StatusAsync("\"/change/C1\",\"\"", T0));

        Assert.Equal("changeIds[1]", error.Field);
        _world.Route53.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Status_SubmittedAtInTheFuture_ThrowsInputValidationWithoutAnyRoute53Call()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.StatusAsync("\"/change/C1\"", T0.AddMinutes(2)));

        Assert.Equal("submittedAt", error.Field);
        _world.Route53.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Status_MissingSubmittedAt_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            """{"operation":"status","changeIds":["/change/C1"]}""", ContractsJsonContext.Default.DnsChangeResponse));

        Assert.Contains("submittedAt", error.Message, StringComparison.Ordinal);
    }
}
