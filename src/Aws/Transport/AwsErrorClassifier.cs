using System.Net;

namespace DrLambdas.Aws.Transport;

/// <summary>Which errors the SDKs' standard retry mode retries: throttling, transient errors and 5xx.</summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
        AwsClientErrorCodes.NetworkError, AwsClientErrorCodes.AttemptTimeout,
    };

    public static bool IsThrottling(string errorCode, HttpStatusCode? status) =>
        ThrottlingCodes.Contains(errorCode) || status == HttpStatusCode.TooManyRequests;

    public static bool IsRetryable(string errorCode, HttpStatusCode? status) =>
        IsThrottling(errorCode, status)
        || TransientCodes.Contains(errorCode)
        || status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
