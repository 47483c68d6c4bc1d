using DrLambdas.Shared.Pause;

namespace DrLambdas.Shared.Contracts;

/// <summary>The pause of automatic failover as the decision saw it (the <c>decision.pause</c> section).</summary>
/// <param name="Status">NotConfigured, NotPaused, Active, Expired or Unreadable.</param>
/// <param name="ParameterName">The SSM parameter read.</param>
/// <param name="PausedBy">Who paused (Active and Expired).</param>
/// <param name="Reason">Why (Active and Expired).</param>
/// <param name="PausedAt">Since when (Active and Expired).</param>
/// <param name="ExpiresAt">Until when (Active and Expired).</param>
/// <param name="Problem">Why the state is unknown (Unreadable).</param>
public sealed record PauseSummary(
    PauseStatus Status,
    string? ParameterName,
    string? PausedBy,
    string? Reason,
    DateTimeOffset? PausedAt,
    DateTimeOffset? ExpiresAt,
    string? Problem)
{
    /// <summary>The summary of a pause state.</summary>
    public static PauseSummary Of(PauseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var document = state.Document;
        return new PauseSummary(state.Status, state.ParameterName, document?.PausedBy, document?.Reason, document?.PausedAt, document?.ExpiresAt, state.Problem);
    }
}
