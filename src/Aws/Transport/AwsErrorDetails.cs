namespace DrLambdas.Aws.Transport;

/// <summary>What an error response body says: AWS error code, message, and request id when the body carries one.</summary>
internal sealed record AwsErrorDetails(string Code, string Message, string? RequestId);
