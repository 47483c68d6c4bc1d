using System.Net;

namespace DrLambdas.Runtime.RuntimeApi;

/// <summary>The Runtime API answered with an unexpected status or a malformed message.</summary>
public sealed class RuntimeApiException : Exception
{
    /// <summary>A failure with the HTTP status the API answered, when there was one.</summary>
    public RuntimeApiException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>A failure without a status.</summary>
    public RuntimeApiException()
    {
    }

    /// <summary>A failure without a status.</summary>
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    /// <summary>A failure without a status, caused by <paramref name="innerException"/>.</summary>
    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the API answered with, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// Whether the API demands that the runtime exit (HTTP 500: "non-recoverable state") or could not be
    /// reached at all.
    /// </summary>
    public bool IsFatal => StatusCode is null or HttpStatusCode.InternalServerError;
}
