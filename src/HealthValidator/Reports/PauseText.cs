using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Pause;

namespace DrLambdas.HealthValidator.Reports;

/// <summary>The "Pause:" line every notice carries: who paused, when, why and until when, or why nobody can tell.</summary>
internal static class PauseText
{
    public static string Line(PauseSummary? pause) => pause?.Status switch
    {
        PauseStatus.Active =>
            $"Pause: automatic failover PAUSED by {Who(pause)} since {When(pause.PausedAt)} until {When(pause.ExpiresAt)}: {SnsText.Line(pause.Reason)}. "
            + "Alarm-started executions change nothing; manual requests act; Route 53 health-check failover of traffic still happens.",
        PauseStatus.Expired =>
            $"Pause: expired at {When(pause.ExpiresAt)} (set by {Who(pause)}: {SnsText.Line(pause.Reason)}); not paused. "
            + $"The parameter {SnsText.Line(pause.ParameterName)} is still there (drctl resume deletes it).",
        PauseStatus.Unreadable =>
            $"Pause: UNKNOWN, the parameter {SnsText.Line(pause.ParameterName)} could not be read ({SnsText.Line(pause.Problem)}).",
        PauseStatus.NotPaused => "Pause: not paused.",
        _ => "Pause: not configured (DR_PAUSE_PARAMETER_NAME unset).",
    };

    private static string Who(PauseSummary pause) => SnsText.Line(pause.PausedBy);

    private static string When(DateTimeOffset? instant) => instant is { } at ? SnsText.Time(at) : "an unknown time";
}
