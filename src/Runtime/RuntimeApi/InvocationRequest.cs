namespace DrLambdas.Runtime.RuntimeApi;

/// <summary>One invocation as received from <c>GET /runtime/invocation/next</c>.</summary>
/// <param name="RequestId">Lambda-Runtime-Aws-Request-Id.</param>
/// <param name="Deadline">Lambda-Runtime-Deadline-Ms as an instant.</param>
/// <param name="InvokedFunctionArn">Lambda-Runtime-Invoked-Function-Arn.</param>
/// <param name="TraceId">Lambda-Runtime-Trace-Id (the X-Ray header), when present.</param>
/// <param name="ClientContext">Lambda-Runtime-Client-Context, when present.</param>
/// <param name="CognitoIdentity">Lambda-Runtime-Cognito-Identity, when present.</param>
/// <param name="Payload">The event, as sent by the caller.</param>
public sealed record InvocationRequest(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    ReadOnlyMemory<byte> Payload);
