using System.Text;
using System.Text.Json;
using DrLambdas.Functions.Common.Tests.Support;
using DrLambdas.Functions.Testing;
using DrLambdas.Shared.Errors;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.Functions.Common.Tests;

public sealed class OperationRouterTests : IDisposable
{
    private readonly TestLambdaContext _context = new(new FakeTimeProvider());
    private readonly OperationRouter _router = new("Sample", [Operation("double", 2), Operation("triple", 3)]);

    public void Dispose() => _context.Dispose();

    [Fact]
    public void OperationNames_TwoOperations_ListsThemInDeclarationOrder()
    {
        Assert.Equal(["double", "triple"], _router.OperationNames);
    }

    [Fact]
    public async Task RouteAsync_KnownOperation_RunsThatOperation()
    {
        var output = await _router.RouteAsync(Json("""{"operation":"triple","incidentId":null,"count":5}"""), _context, CancellationToken.None);

        Assert.Equal(15, output.GetProperty("doubled").GetInt32());
    }

    [Fact]
    public async Task RouteAsync_UnknownOperation_ThrowsInputValidationNamingTheFunctionAndTheChoices()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _router.RouteAsync(Json("""{"operation":"halve"}"""), _context, CancellationToken.None));

        Assert.Equal("operation", error.Field);
        Assert.Equal("'halve' is not an operation of Sample; expected one of double, triple", error.Problem);
    }

    [Fact]
    public async Task RouteAsync_MissingOperation_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _router.RouteAsync(Json("""{"count":1}"""), _context, CancellationToken.None));

        Assert.Equal(("operation", "is required: one of double, triple"), (error.Field, error.Problem));
    }

    [Fact]
    public async Task RouteAsync_OperationNotAString_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _router.RouteAsync(Json("""{"operation":true}"""), _context, CancellationToken.None));

        Assert.Equal("operation", error.Field);
        Assert.EndsWith("got True", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteAsync_InputNotAnObject_ThrowsInputValidationAtTheRoot()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _router.RouteAsync(Json("""[1, 2]"""), _context, CancellationToken.None));

        Assert.Equal("$", error.Field);
        Assert.EndsWith("got Array", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_UnreadableEvent_ThrowsInputValidationAtTheRoot()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _router.CreateHandler().HandleAsync(Encoding.UTF8.GetBytes("{not json"), _context, CancellationToken.None));

        Assert.Equal("$", error.Field);
    }

    [Fact]
    public async Task Handler_ValidEvent_ReturnsTheOperationsJson()
    {
        var output = await _router.CreateHandler().HandleAsync(
            Encoding.UTF8.GetBytes("""{"operation":"double","incidentId":"dr-1","count":4}"""), _context, CancellationToken.None);

        Assert.Equal("""{"doubled":8}""", Encoding.UTF8.GetString(output.Span));
    }

    private static FunctionOperation<SampleRequest, SampleResponse> Operation(string name, int factor) => new(
        name,
        SampleJsonContext.Default.SampleRequest,
        SampleJsonContext.Default.SampleResponse,
        request => request.IncidentId,
        (request, _, _) => Task.FromResult(new SampleResponse(request.Count * factor)));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
