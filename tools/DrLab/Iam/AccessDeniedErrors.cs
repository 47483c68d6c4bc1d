using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// A denied call in the service's own vocabulary: Route 53, RDS and CloudWatch AccessDenied (403), SNS
/// AuthorizationError (403) or KMSAccessDenied (400) for the KMS key of an encrypted topic, Step Functions
/// and SSM AccessDeniedException (400); the message names the caller, the action and the resource as AWS does.
/// </summary>
internal static class AccessDeniedErrors
{
    public static LabError For(AwsCall call, AccessDenial denial)
    {
        var action = denial.Permission.Action;
        var reason = denial.Result.Decision == Decision.ExplicitDeny
            ? "with an explicit deny in an identity-based policy"
            : $"because no identity-based policy allows the {action} action";
        var message = $"User: {denial.Principal.SessionArn} is not authorized to perform: {action} on resource: {denial.Resource} {reason}";
        if (denial.Permission.Denial == DenialKind.KmsAccessDenied && string.Equals(call.Service, "ssm", StringComparison.Ordinal))
        {
            return new LabError("AccessDeniedException", message + " (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException)");
        }

        if (denial.Permission.Denial == DenialKind.KmsAccessDenied)
        {
            return new LabError("KMSAccessDenied", message + " (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException)");
        }

        return call.Service switch
        {
            "sns" => new LabError("AuthorizationError", message, 403),
            "states" or "ssm" => new LabError("AccessDeniedException", message, 400),
            // CloudWatch's JSON protocol is awsQueryCompatible: it keeps the query error code.
            _ => new LabError("AccessDenied", message, 403),
        };
    }
}
