using System.Net;

namespace DrLambdas.Aws;

/// <summary>
/// An AWS API call failed with an error the client did not (or could no longer) retry. The short type name
/// <c>AwsServiceException</c> is a stable error type matched by the state machines' <c>Catch</c> rules.
/// </summary>
public class AwsServiceException : Exception
{
    /// <summary>Creates the exception from the parts of an AWS error response.</summary>
    public AwsServiceException(
        string service,
        string operation,
        string errorCode,
        string errorMessage,
        string? requestId,
        HttpStatusCode? statusCode,
        bool isRetryable,
        Exception? innerException = null)
        : base(FormatMessage(service, operation, errorCode, errorMessage, requestId, statusCode), innerException)
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        StatusCode = statusCode;
        IsRetryable = isRetryable;
    }

    /// <summary>The service that failed, e.g. <c>RDS</c> or <c>Route 53</c>.</summary>
    public string Service { get; }

    /// <summary>The API operation, e.g. <c>FailoverGlobalCluster</c>.</summary>
    public string Operation { get; }

    /// <summary>The AWS error code, e.g. <c>InvalidGlobalClusterStateFault</c>, or a client-side code such as <c>NetworkError</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The service's error message, without the service/operation prefix of <see cref="Exception.Message"/>.</summary>
    public string ErrorMessage { get; }

    /// <summary>The AWS request id, when the service returned one.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status of the response; null when no response arrived (network error, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>True for throttling, 5xx, timeouts and network errors: repeating the call later may succeed.</summary>
    public bool IsRetryable { get; }

    /// <summary>How many attempts the client made before giving up (1 when the error was not retryable).</summary>
    public int Attempts { get; internal set; } = 1;

    private static string FormatMessage(
        string service, string operation, string errorCode, string errorMessage, string? requestId, HttpStatusCode? statusCode)
    {
        var status = statusCode is { } code ? $"HTTP {(int)code}" : "no HTTP response";
        var request = requestId is null ? string.Empty : $" (request id {requestId})";
        return $"{service} {operation} failed with {errorCode} ({status}): {errorMessage}{request}";
    }
}
