using DrLambdas.Shared.Errors;

namespace DrLambdas.Shared.Pause;

/// <summary>The pause as read for one decision: its status, the document when there is one, the problem when unreadable.</summary>
/// <param name="Status">What the parameter said.</param>
/// <param name="ParameterName">The SSM parameter read (null when not configured).</param>
/// <param name="Document">The pause (Active and Expired only).</param>
/// <param name="Problem">Why the state is unknown (Unreadable only).</param>
public sealed record PauseState(PauseStatus Status, string? ParameterName, PauseDocument? Document, string? Problem)
{
    /// <summary>No pause parameter configured.</summary>
    public static PauseState NotConfigured { get; } = new(PauseStatus.NotConfigured, null, null, null);

    /// <summary>Whether alarm-started executions must stand still.</summary>
    public bool IsActive => Status == PauseStatus.Active;

    /// <summary>
    /// The state of a parameter value read at <paramref name="now"/>: null (ParameterNotFound) is not paused, a valid
    /// document is active until its expiry, anything else is unreadable.
    /// </summary>
    public static PauseState Of(string parameterName, string? value, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        if (value is null)
        {
            return new PauseState(PauseStatus.NotPaused, parameterName, null, null);
        }

        try
        {
            var document = PauseDocumentParser.Parse(value);
            return new PauseState(document.IsActiveAt(now) ? PauseStatus.Active : PauseStatus.Expired, parameterName, document, null);
        }
        catch (InputValidationException exception)
        {
            return Unreadable(parameterName, $"malformed pause document: {exception.Message}");
        }
    }

    /// <summary>The parameter could not be read (AccessDenied, throttling, timeout…): <paramref name="problem"/> says how.</summary>
    public static PauseState Unreadable(string parameterName, string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        return new PauseState(PauseStatus.Unreadable, parameterName, null, problem);
    }

    /// <summary>One evidence line, e.g. <c>pause:/drlambdas/dr/pause active: by ARN at … until …: reason</c>.</summary>
    public string Evidence() => Status switch
    {
        PauseStatus.NotConfigured => "pause: not configured",
        PauseStatus.NotPaused => $"pause:{ParameterName} absent: not paused",
        PauseStatus.Active or PauseStatus.Expired =>
            $"pause:{ParameterName} {(IsActive ? "active" : "expired")}: paused by {Document!.PausedBy} at {PauseDocument.Utc(Document.PausedAt)} "
            + $"until {PauseDocument.Utc(Document.ExpiresAt)}: {Document.Reason}",
        _ => $"pause:{ParameterName} unreadable: {Problem}",
    };
}
