using System.Text;
using Moq;

namespace DrLambdas.Runtime.Tests;

public sealed class LambdaHandlerTests
{
    private readonly ILambdaContext _context = Mock.Of<ILambdaContext>();

    [Fact]
    public async Task Create_ValidEvent_SerializesTheHandlersResult()
    {
        var handler = LambdaHandler.Create(
            (TestOrder order, ILambdaContext _, CancellationToken _) => Task.FromResult(order with { Quantity = order.Quantity * 2 }),
            TestJsonContext.Default.TestOrder,
            TestJsonContext.Default.TestOrder);

        var response = await handler.HandleAsync("{\"Id\":\"o-1\",\"Quantity\":2}"u8.ToArray(), _context, CancellationToken.None);

        Assert.Equal("{\"Id\":\"o-1\",\"Quantity\":4}", Encoding.UTF8.GetString(response.Span));
    }

    [Theory]
    [InlineData("{\"Id\":")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    public async Task Create_UnreadableEvent_ThrowsLambdaInputException(string payload)
    {
        var handler = LambdaHandler.Create(
            (TestOrder order, ILambdaContext _, CancellationToken _) => Task.FromResult(order),
            TestJsonContext.Default.TestOrder,
            TestJsonContext.Default.TestOrder);

        await Assert.ThrowsAsync<LambdaInputException>(() => handler.HandleAsync(Encoding.UTF8.GetBytes(payload), _context, CancellationToken.None));
    }

    [Fact]
    public async Task Create_UnreadableEventWithMapper_ThrowsTheMappedException()
    {
        var handler = LambdaHandler.Create(
            (TestOrder order, ILambdaContext _, CancellationToken _) => Task.FromResult(order),
            TestJsonContext.Default.TestOrder,
            TestJsonContext.Default.TestOrder,
            (message, cause) => new FormatException(message, cause));

        var exception = await Assert.ThrowsAsync<FormatException>(() => handler.HandleAsync("oops"u8.ToArray(), _context, CancellationToken.None));
        Assert.Contains("TestOrder", exception.Message, StringComparison.Ordinal);
    }
}
