using System.Text;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Errors;

namespace DrLambdas.HealthValidator.Tests.Common;

public sealed class OperationRouterTests : IDisposable
{
    private readonly ValidatorWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task RouteAsync_UnknownOperation_ThrowsInputValidationListingTheOperations()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeRawAsync(ValidatorWorld.Json("""{"operation":"promote"}""")));

        Assert.Equal("operation", error.Field);
        Assert.Equal("'promote' is not an operation of HealthValidator; expected one of assess, verify, pin, recovery, gate, approval-request, approval-close, probe, readiness", error.Problem);
        _world.VerifyNoAwsOrProbeCall();
    }

    [Fact]
    public async Task RouteAsync_MissingOperation_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeRawAsync(ValidatorWorld.Json("""{"region":"ap-east-2"}""")));

        Assert.Equal("operation", error.Field);
        Assert.StartsWith("is required", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteAsync_OperationNotAString_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeRawAsync(ValidatorWorld.Json("""{"operation":3}""")));

        Assert.Equal("operation", error.Field);
    }

    [Fact]
    public async Task RouteAsync_InputNotAnObject_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeRawAsync(ValidatorWorld.Json("""["gate"]""")));

        Assert.Equal("$", error.Field);
    }

    [Fact]
    public async Task RouteAsync_UnknownField_ThrowsInputValidationNamingIt()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _world.InvokeRawAsync(ValidatorWorld.Json("""{"operation":"gate","regoin":"ap-east-2"}""")));

        Assert.Contains("regoin", error.Message, StringComparison.Ordinal);
        _world.VerifyNoAwsOrProbeCall();
    }

    [Fact]
    public async Task RouteAsync_MissingRequiredField_ThrowsInputValidationNamingIt()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeRawAsync(ValidatorWorld.Json("""{"operation":"gate"}""")));

        Assert.Contains("'region'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteAsync_NullRequiredField_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _world.InvokeRawAsync(ValidatorWorld.Json("""{"operation":"gate","region":null}""")));

        Assert.Contains("region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteAsync_WrongTypedField_ThrowsInputValidationWithItsPath()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _world.InvokeRawAsync(ValidatorWorld.Json("""{"operation":"recovery","history":[{"at":"yesterday","healthy":true}]}""")));

        Assert.Equal("$.history[0].at", error.Field);
    }

    [Fact]
    public async Task RouteAsync_AssessOutput_UsesCamelCaseStringEnumsAndUtcTimestamps()
    {
        var output = await _world.InvokeRawAsync(ValidatorWorld.Json($$"""
            {"operation":"assess","trigger":{{ValidatorWorld.AlarmEvent("tpe-unhealthy").GetRawText()}},
             "execution":{"id":"{{ValidatorWorld.CurrentExecutionArn}}","name":"current","startTime":"2026-11-26T00:00:00Z"} }
            """));

        Assert.Equal("None", output.GetProperty("decision").GetProperty("action").GetString());
        Assert.Equal("2026-11-26T00:00:00.000Z", output.GetProperty("assessedAt").GetString());
        Assert.Equal("Alarm", output.GetProperty("trigger").GetProperty("kind").GetString());
        Assert.Equal("Probe", output.GetProperty("signals")[0].GetProperty("kind").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, output.GetProperty("decision").GetProperty("targetClusterArn").ValueKind);
    }

    [Fact]
    public async Task Handler_UnreadableEvent_IsAnInputValidationError()
    {
        var handler = _world.Router.CreateHandler();
        using var context = new DrLambdas.Functions.Testing.TestLambdaContext(_world.Time);

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            handler.HandleAsync(Encoding.UTF8.GetBytes("{not json"), context, CancellationToken.None));

        Assert.Equal("$", error.Field);
    }

    [Fact]
    public async Task Operation_Failure_IsLoggedWithTheIncidentAndRethrown()
    {
        await Assert.ThrowsAsync<HealthGateFailedException>(() =>
        {
            _world.ProbeVerdicts["ap-east-2"] = DrLambdas.Shared.Domain.Verdict.Unhealthy;
            return _world.InvokeRawAsync(ValidatorWorld.Json("""{"operation":"gate","region":"ap-east-2","incidentId":"dr-7"}"""));
        });

        var failed = Assert.Single(_world.Context.LogRecords, record => record.GetProperty("level").GetString() == "WARN");
        Assert.Equal("HealthGateFailedException", failed.GetProperty("failure").GetString());
        Assert.Equal("dr-7", failed.GetProperty("incidentId").GetString());
        Assert.Equal("gate", failed.GetProperty("operation").GetString());
    }
}
