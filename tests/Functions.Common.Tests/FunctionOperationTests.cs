using System.Text.Json;
using DrLambdas.Functions.Common.Tests.Support;
using DrLambdas.Functions.Testing;
using DrLambdas.Shared.Errors;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.Functions.Common.Tests;

public sealed class FunctionOperationTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
    private readonly TestLambdaContext _context;

    public FunctionOperationTests() => _context = new TestLambdaContext(_time);

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task InvokeAsync_ValidRequest_ReturnsTheHandlersResponseAsJson()
    {
        var output = await Operation((request, _) => new SampleResponse(request.Count * 2))
            .InvokeAsync(Json("""{"operation":"double","incidentId":"dr-1","count":21}"""), _context, CancellationToken.None);

        Assert.Equal(42, output.GetProperty("doubled").GetInt32());
    }

    [Fact]
    public async Task InvokeAsync_HandlerTakesTime_LogsTheDurationReadFromTheContextClock()
    {
        await Operation((_, _) =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            return new SampleResponse(0);
        }).InvokeAsync(Json("""{"operation":"double","incidentId":"dr-1","count":0}"""), _context, CancellationToken.None);

        var completed = Assert.Single(_context.LogRecords, record => record.GetProperty("message").GetString() == "Operation double completed");
        Assert.Equal(250, completed.GetProperty("durationMs").GetDouble());
    }

    [Fact]
    public async Task InvokeAsync_HandlerThrows_LogsTheFailureWithItsDurationAndRethrows()
    {
        var operation = Operation((_, _) =>
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            throw new InvalidOperationException("the record changed under us");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            operation.InvokeAsync(Json("""{"operation":"double","incidentId":"dr-9","count":1}"""), _context, CancellationToken.None));

        var failed = Assert.Single(_context.LogRecords, record => record.GetProperty("level").GetString() == "WARN");
        Assert.Equal("InvalidOperationException", failed.GetProperty("failure").GetString());
        Assert.Equal(2000, failed.GetProperty("durationMs").GetDouble());
        Assert.Equal("dr-9", failed.GetProperty("incidentId").GetString());
    }

    [Fact]
    public async Task InvokeAsync_BlankIncidentId_LogsWithoutAnIncidentId()
    {
        await Operation((_, _) => new SampleResponse(0))
            .InvokeAsync(Json("""{"operation":"double","incidentId":"  ","count":0}"""), _context, CancellationToken.None);

        Assert.All(_context.LogRecords, record =>
        {
            Assert.False(record.TryGetProperty("incidentId", out _));
            Assert.Equal("double", record.GetProperty("operation").GetString());
        });
    }

    [Fact]
    public async Task InvokeAsync_HandlerInvocation_CarriesTheOperationAndIncident()
    {
        Invocation? seen = null;
        await Operation((_, invocation) =>
        {
            seen = invocation;
            return new SampleResponse(0);
        }).InvokeAsync(Json("""{"operation":"double","incidentId":"dr-3","count":0}"""), _context, CancellationToken.None);

        Assert.Equal(("double", "dr-3"), (seen!.Operation, seen.IncidentId));
    }

    [Fact]
    public async Task InvokeAsync_MissingRequiredMember_ThrowsInputValidationWithoutCallingTheHandler()
    {
        var called = false;
        var operation = Operation((_, _) =>
        {
            called = true;
            return new SampleResponse(0);
        });

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            operation.InvokeAsync(Json("""{"operation":"double","incidentId":null}"""), _context, CancellationToken.None));

        Assert.Contains("count", error.Message, StringComparison.Ordinal);
        Assert.False(called);
        Assert.Empty(_context.Lines);
    }

    private static FunctionOperation<SampleRequest, SampleResponse> Operation(Func<SampleRequest, Invocation, SampleResponse> handle) => new(
        "double",
        SampleJsonContext.Default.SampleRequest,
        SampleJsonContext.Default.SampleResponse,
        request => request.IncidentId,
        (request, invocation, _) => Task.FromResult(handle(request, invocation)));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
