using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DrLambdas.Runtime;

/// <summary>Builds <see cref="ILambdaHandler"/>s from delegates, serializing with source-generated JSON metadata only.</summary>
public static class LambdaHandler
{
    /// <summary>
    /// A handler that deserializes the event with <paramref name="inputType"/>, calls
    /// <paramref name="handler"/> and serializes its result with <paramref name="outputType"/>.
    /// </summary>
    /// <param name="handler">The function's logic.</param>
    /// <param name="inputType">Source-generated metadata of the input, e.g. <c>MyJsonContext.Default.MyInput</c>.</param>
    /// <param name="outputType">Source-generated metadata of the output.</param>
    /// <param name="invalidInput">
    /// Maps an unreadable event (invalid JSON, wrong shape, or <c>null</c>) to the exception to report, so the
    /// errorType matches the function's contract; by default a <see cref="LambdaInputException"/>.
    /// </param>
    public static ILambdaHandler Create<TInput, TOutput>(
        Func<TInput, ILambdaContext, CancellationToken, Task<TOutput>> handler,
        JsonTypeInfo<TInput> inputType,
        JsonTypeInfo<TOutput> outputType,
        Func<string, Exception, Exception>? invalidInput = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(inputType);
        ArgumentNullException.ThrowIfNull(outputType);
        return new JsonHandler<TInput, TOutput>(
            handler,
            inputType,
            outputType,
            invalidInput ?? ((message, cause) => new LambdaInputException(message, cause)));
    }

    /// <summary>A handler over raw bytes, for functions that do their own (de)serialization.</summary>
    public static ILambdaHandler FromBytes(Func<ReadOnlyMemory<byte>, ILambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new ByteHandler(handler);
    }

    private sealed class ByteHandler(Func<ReadOnlyMemory<byte>, ILambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> handler) : ILambdaHandler
    {
        public Task<ReadOnlyMemory<byte>> HandleAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken) =>
            handler(payload, context, cancellationToken);
    }

    private sealed class JsonHandler<TInput, TOutput>(
        Func<TInput, ILambdaContext, CancellationToken, Task<TOutput>> handler,
        JsonTypeInfo<TInput> inputType,
        JsonTypeInfo<TOutput> outputType,
        Func<string, Exception, Exception> invalidInput) : ILambdaHandler
    {
        public async Task<ReadOnlyMemory<byte>> HandleAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken)
        {
            var input = Deserialize(payload);
            var output = await handler(input, context, cancellationToken);
            return JsonSerializer.SerializeToUtf8Bytes(output, outputType);
        }

        private TInput Deserialize(ReadOnlyMemory<byte> payload)
        {
            TInput? input;
            try
            {
                input = JsonSerializer.Deserialize(payload.Span, inputType);
            }
            catch (JsonException exception)
            {
                throw invalidInput($"The event is not a valid {typeof(TInput).Name}: {exception.Message}", exception);
            }

            return input ?? throw invalidInput(
                $"The event is null; a {typeof(TInput).Name} was expected.",
                new JsonException("The event is the JSON literal null."));
        }
    }
}
