using DrLambdas.Aws;

namespace DrLambdas.Drctl;

/// <summary>Turns an AWS failure into drctl's one line: a missing permission names the IAM action.</summary>
internal static class AwsErrorText
{
    private static readonly HashSet<string> AccessDenied = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "NotAuthorized",
    };

    private static readonly HashSet<string> BadCredentials = new(StringComparer.Ordinal)
    {
        "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
        "IncompleteSignature", "MissingAuthenticationToken",
    };

    /// <summary>The IAM service prefix of each client's display name.</summary>
    private static readonly Dictionary<string, string> ActionPrefixes = new(StringComparer.Ordinal)
    {
        ["SFN"] = "states", ["STS"] = "sts", ["RDS"] = "rds", ["Route 53"] = "route53", ["CloudWatch"] = "cloudwatch",
        ["SNS"] = "sns", ["SSM"] = "ssm",
    };

    /// <summary>The one-line explanation, or null when <paramref name="exception"/> is not an AWS failure.</summary>
    public static DrctlException? Explain(Exception exception)
    {
        switch (exception)
        {
            case AwsTransientException transient:
                return new DrctlException($"{transient.Service} {transient.Operation} did not answer after {transient.Attempts} attempts: {transient.ErrorMessage}");
            case AwsServiceException service:
                return Explain(service.Service, service.Operation, service.ErrorCode, service.ErrorMessage);
            default:
                return null;
        }
    }

    /// <summary>The line for an AWS error code of <paramref name="service"/>'s <paramref name="operation"/>.</summary>
    public static DrctlException Explain(string service, string operation, string errorCode, string message)
    {
        if (AccessDenied.Contains(errorCode))
        {
            var prefix = ActionPrefixes.TryGetValue(service, out var known) ? known : service.ToLowerInvariant();
            var action = ActionIn(message) ?? $"{prefix}:{operation}";
            return new DrctlException($"missing permission {action} (the template's OperatorPolicy grants it): {message}");
        }

        if (BadCredentials.Contains(errorCode))
        {
            return new DrctlException($"AWS rejected the credentials ({errorCode}) on {service} {operation}: {message}");
        }

        return new DrctlException($"{service} {operation} failed with {errorCode}: {message}");
    }

    /// <summary>The action AWS names in an access-denied message (<c>... is not authorized to perform: ssm:GetParameter on ...</c>).</summary>
    private static string? ActionIn(string message)
    {
        const string Marker = "perform: ";
        var start = message.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += Marker.Length;
        var end = message.IndexOf(' ', start);
        var action = end < 0 ? message[start..] : message[start..end];
        return action.Contains(':', StringComparison.Ordinal) ? action.TrimEnd('.', ',') : null;
    }
}
