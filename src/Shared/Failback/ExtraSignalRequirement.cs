using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Failback;

/// <summary>
/// Traffic goes back to a Region only when every extra signal of it is OK: the failback <c>gate</c> and failback
/// readiness treat an extra signal in ALARM, without data, missing or unreadable as not healthy. (<c>assess</c> never
/// counts them toward the quorum: leaving a Region is a different question from returning to it.)
/// </summary>
public static class ExtraSignalRequirement
{
    /// <summary>One problem line per reading that is not <see cref="Verdict.Healthy"/>; empty when all are OK.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<ExtraSignalReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return readings
            .Where(reading => reading.Verdict != Verdict.Healthy)
            .Select(reading => $"extra signal {reading.Kind} {reading.AlarmName} in {reading.Region} is not OK ({Evidence.Of(reading)})")
            .ToList();
    }
}
