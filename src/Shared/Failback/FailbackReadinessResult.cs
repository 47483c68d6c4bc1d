namespace DrLambdas.Shared.Failback;

/// <summary>Whether the primary has been healthy long enough to fail back.</summary>
/// <param name="Ready">The streak reached the required count.</param>
/// <param name="HealthyStreak">Consecutive healthy checks, spaced at least the check interval apart.</param>
/// <param name="Required">The required count.</param>
/// <param name="StreakStartedAt">The earliest check counted in the streak, if any.</param>
public sealed record FailbackReadinessResult(bool Ready, int HealthyStreak, int Required, DateTimeOffset? StreakStartedAt);
