using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Contracts;

/// <summary>HealthValidator <c>readiness</c> input, as EventBridge Scheduler sends it (default every 30 minutes).</summary>
/// <param name="Operation">Always <c>readiness</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReadinessRequest(string Operation);

/// <summary>HealthValidator <c>readiness</c> output: what stands between the configuration and a failover that works.</summary>
/// <param name="CheckedAt">When the checks ran.</param>
/// <param name="Ready">No critical finding.</param>
/// <param name="Findings">Every finding, critical first; empty when the world matches the configuration.</param>
/// <param name="Changed">The set of findings (codes and subjects) differs from the last run's.</param>
/// <param name="Notified">A notice went to the alert topic (only when <paramref name="Changed"/>).</param>
/// <param name="Notes">Why the last set could not be read or kept, or the notice not sent; empty normally.</param>
public sealed record ReadinessResponse(
    DateTimeOffset CheckedAt,
    bool Ready,
    IReadOnlyList<ReadinessFinding> Findings,
    bool Changed,
    bool Notified,
    IReadOnlyList<string> Notes);

/// <summary>One thing that would make a failover fail or go wrong.</summary>
/// <param name="Code">Stable code (<see cref="ReadinessCodes"/>).</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Subject">What it is about (a Region, an alarm, a state machine…); with the code, the finding's identity.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Evidence">What was read that shows it.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record ReadinessFinding(
    string Code,
    ReadinessSeverity Severity,
    string Subject,
    string Problem,
    string Evidence,
    string Fix)
{
    /// <summary>The finding's identity across runs: the code and the subject, not the evidence (a lag value changes every run).</summary>
    [JsonIgnore]
    public string Key => Code + ":" + Subject;
}

/// <summary>How much a readiness finding matters.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReadinessSeverity>))]
public enum ReadinessSeverity
{
    /// <summary>A failover now would fail, escalate or go unnoticed.</summary>
    Critical,

    /// <summary>A failover may work, but something is degraded, unverified or overdue.</summary>
    Warning,

    /// <summary>Worth knowing; nothing to fix.</summary>
    Info,
}
