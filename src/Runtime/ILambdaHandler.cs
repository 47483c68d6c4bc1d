namespace DrLambdas.Runtime;

/// <summary>
/// Serves invocations: the raw event in, the raw response out. Build one with
/// <see cref="LambdaHandler.Create{TInput, TOutput}"/> rather than implementing it directly.
/// </summary>
public interface ILambdaHandler
{
    /// <summary>
    /// Handles one event. Any exception becomes an invocation error whose errorType is the exception's
    /// short type name; the loop then goes on with the next invocation.
    /// </summary>
    /// <param name="payload">The event exactly as the caller sent it.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Cancelled at the deadline or when the runtime is asked to stop (SIGTERM).</param>
    /// <returns>The response body (JSON).</returns>
    Task<ReadOnlyMemory<byte>> HandleAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken);
}
