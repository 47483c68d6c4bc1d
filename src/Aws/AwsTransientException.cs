using System.Net;

namespace DrLambdas.Aws;

/// <summary>
/// A retryable AWS failure (throttling, 5xx, timeout, network error) that persisted through all of the client's
/// own attempts. The short type name <c>AwsTransientException</c> is a stable error type that the state machines
/// retry with backoff.
/// </summary>
public sealed class AwsTransientException : AwsServiceException
{
    /// <summary>Creates the exception; it is always <see cref="AwsServiceException.IsRetryable"/>.</summary>
    public AwsTransientException(
        string service,
        string operation,
        string errorCode,
        string errorMessage,
        string? requestId,
        HttpStatusCode? statusCode,
        Exception? innerException = null)
        : base(service, operation, errorCode, errorMessage, requestId, statusCode, isRetryable: true, innerException)
    {
    }
}
