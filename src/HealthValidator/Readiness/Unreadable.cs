using DrLambdas.Aws;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>
/// A check that could not read what it checks is a finding, never a crash: a missing permission says which action to
/// grant; anything else (timeout, throttling, an error) says what failed.
/// </summary>
internal static class Unreadable
{
    private static readonly string[] AccessDeniedCodes =
        ["AccessDenied", "AccessDeniedException", "AuthorizationError", "UnauthorizedOperation", "KMSAccessDeniedException"];

    /// <summary>The finding for a failed read of <paramref name="subject"/> by <paramref name="action"/> (e.g. <c>sns:ListSubscriptionsByTopic</c>).</summary>
    public static ReadinessFinding Finding<T>(SourceResult<T> result, string subject, string action) =>
        IsAccessDenied(result.Error, result.Failure)
            ? new ReadinessFinding(
                ReadinessCodes.PermissionMissing, ReadinessSeverity.Warning, subject,
                $"The function may not call {action}: {subject} is not checked.",
                result.Failure,
                $"Grant {action} on {subject} to the HealthValidator role (template.yaml, HealthValidatorRole).")
            : new ReadinessFinding(
                ReadinessCodes.CheckFailed, ReadinessSeverity.Warning, subject,
                $"{action} failed: {subject} is not checked.",
                result.Failure,
                "Nothing to change if the next run succeeds; if it keeps failing, read the function's log for the error.");

    /// <summary>Whether an error (or, when only its text is known, the text) is a denied authorization.</summary>
    public static bool IsAccessDenied(Exception? error, string text) =>
        error is AwsServiceException service
            ? AccessDeniedCodes.Contains(service.ErrorCode, StringComparer.Ordinal)
            : AccessDeniedCodes.Any(code => text.Contains(code, StringComparison.Ordinal));
}
