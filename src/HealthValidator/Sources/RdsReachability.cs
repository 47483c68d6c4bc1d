using DrLambdas.Aws;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>Tells an unreachable RDS endpoint (evidence about the Region) from other failures (no evidence).</summary>
internal static class RdsReachability
{
    /// <summary>True when the endpoint could not be reached at all: the connection failed or timed out.</summary>
    public static bool IsUnreachable(Exception? error) => error switch
    {
        AwsServiceException aws => aws.ErrorCode is AwsClientErrorCodes.NetworkError or AwsClientErrorCodes.AttemptTimeout,
        HttpRequestException => true,
        _ => false,
    };
}
