using DrLambdas.Shared.Configuration;

namespace DrLambdas.Shared.Failback;

/// <summary>
/// Failback readiness: the primary must pass N consecutive checks (default 3) spaced the check
/// interval apart (default 5 minutes). Any failed check resets the streak.
/// </summary>
public static class FailbackReadiness
{
    /// <summary>Fraction of the interval by which a check may arrive early and still count (scheduling jitter).</summary>
    public const double IntervalTolerance = 0.1;

    /// <summary>
    /// Counts the healthy streak backwards from the latest check. A healthy check closer than the
    /// interval to the last counted one neither counts nor breaks the streak.
    /// </summary>
    public static FailbackReadinessResult Evaluate(IEnumerable<HealthCheckRecord> history, FailbackPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(policy);

        var minimumSpacing = policy.CheckInterval * (1 - IntervalTolerance);
        var streak = 0;
        DateTimeOffset? lastCounted = null;
        foreach (var check in history.OrderByDescending(check => check.At).ThenBy(check => check.Healthy))
        {
            if (!check.Healthy)
            {
                break;
            }

            if (lastCounted is null || lastCounted.Value - check.At >= minimumSpacing)
            {
                streak++;
                lastCounted = check.At;
            }
        }

        return new FailbackReadinessResult(streak >= policy.RequiredHealthyChecks, streak, policy.RequiredHealthyChecks, lastCounted);
    }
}
