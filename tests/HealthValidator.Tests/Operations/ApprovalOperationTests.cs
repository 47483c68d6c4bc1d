using System.Text.Json;
using DrLambdas.Errors;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Errors;
using Moq;

namespace DrLambdas.HealthValidator.Tests.Operations;

public sealed class ApprovalOperationTests : IDisposable
{
    private const string Prefix = "/drlambdas/dr/approvals";
    private const string Token = "AQCEAAAAKgAAAAMAAAAAAAAAAeXample";
    private readonly ValidatorWorld _world = new(Functions.Testing.TestConfiguration.Default with { ApprovalParameterPrefix = Prefix });

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task ApprovalRequest_Waiting_KeepsTheTokenInASecureStringNamedAfterTheExecution()
    {
        string? stored = null;
        _world.ParameterStore.Setup(store => store.PutAsync($"{Prefix}/current", It.IsAny<string>(), true, true, It.IsAny<CancellationToken>()))
            .Callback<string, string, bool, bool, CancellationToken>((_, value, _, _, _) => stored = value)
            .Returns(Task.CompletedTask);

        var response = await RequestAsync(Token, 900);

        Assert.Equal($"{Prefix}/current", response.ParameterName);
        Assert.Equal(ValidatorWorld.T0.AddSeconds(900), response.ExpiresAt);
        var record = JsonSerializer.Deserialize(stored!, ContractsJsonContext.Default.ApprovalRecord)!;
        Assert.Equal((Token, ValidatorWorld.CurrentExecutionArn, "Escalate", ValidatorWorld.T0), (record.TaskToken, record.ExecutionArn, record.Decision, record.RequestedAt));
        Assert.Equal(["lag over budget"], record.Reasons);
    }

    [Fact]
    public async Task ApprovalRequest_BlankToken_InputValidationAndNothingStored()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => RequestAsync(" ", 900));

        Assert.Equal("taskToken", error.Field);
        _world.ParameterStore.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ApprovalRequest_TimeoutOverADay_InputValidationAndNothingStored()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => RequestAsync(Token, 86_401));

        Assert.Equal("timeoutSeconds", error.Field);
        _world.ParameterStore.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ApprovalRequest_NoPrefixConfigured_ConfigurationErrorAndNothingStored()
    {
        using var world = new ValidatorWorld();

        await Assert.ThrowsAsync<ConfigurationException>(() => world.InvokeAsync(RequestInput(Token, 900), ContractsJsonContext.Default.ApprovalRequestResponse));

        world.ParameterStore.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ApprovalClose_Always_DeletesTheExecutionsParameter()
    {
        _world.ParameterStore.Setup(store => store.DeleteAsync($"{Prefix}/current", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var response = await _world.InvokeAsync(
            ValidatorWorld.Json($$"""{"operation":"approval-close","execution":{{Execution}}}"""), ContractsJsonContext.Default.ApprovalCloseResponse);

        Assert.Equal(($"{Prefix}/current", true), (response.ParameterName, response.Deleted));
    }

    private static string Execution => $$"""{"id":"{{ValidatorWorld.CurrentExecutionArn}}","name":"current","startTime":"2026-11-26T00:00:00Z"}""";

    private static JsonElement RequestInput(string token, int timeoutSeconds) => ValidatorWorld.Json(
        $$"""{"operation":"approval-request","taskToken":"{{token}}","execution":{{Execution}},"decision":"Escalate","reasons":[{"code":"AlarmNotManaged","message":"lag over budget","evidence":[]}],"timeoutSeconds":{{timeoutSeconds}}}""");

    private Task<ApprovalRequestResponse> RequestAsync(string token, int timeoutSeconds) =>
        _world.InvokeAsync(RequestInput(token, timeoutSeconds), ContractsJsonContext.Default.ApprovalRequestResponse);
}
