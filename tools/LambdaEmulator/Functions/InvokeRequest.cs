namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>An invocation as the Invoke API received it.</summary>
/// <param name="RequestId">The request id given to the runtime.</param>
/// <param name="Payload">The event.</param>
/// <param name="TraceHeader">The X-Ray header passed to the runtime.</param>
/// <param name="ClientContext">Decoded X-Amz-Client-Context, when the caller sent one.</param>
internal sealed record InvokeRequest(string RequestId, byte[] Payload, string TraceHeader, string? ClientContext);
