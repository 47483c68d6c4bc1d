using System.Text.Json.Serialization;
using DrLambdas.Shared.Weights;

namespace DrLambdas.Shared.Contracts;

/// <summary>HealthValidator <c>recovery</c> input: the readiness history so far.</summary>
/// <param name="Operation">Always <c>recovery</c>.</param>
/// <param name="History">Earlier checks, oldest first (may be empty).</param>
/// <param name="IncidentId">Optional incident id for the logs.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RecoveryRequest(string Operation, IReadOnlyList<ReadinessCheck> History, string? IncidentId = null);

/// <summary>One failback readiness check of the original primary.</summary>
/// <param name="At">When it ran.</param>
/// <param name="Healthy">Whether the primary passed.</param>
/// <param name="Detail">What was seen.</param>
public sealed record ReadinessCheck(DateTimeOffset At, bool Healthy, string? Detail = null);

/// <summary>HealthValidator <c>recovery</c> output.</summary>
/// <param name="Ready">The consecutive-checks rule is met.</param>
/// <param name="HealthyStreak">Consecutive healthy checks, spaced the interval apart.</param>
/// <param name="Required">Checks required.</param>
/// <param name="History">The history with this check appended (the most recent ones).</param>
/// <param name="Check">This check.</param>
/// <param name="Plan">The gradual traffic plan; only when ready.</param>
public sealed record RecoveryResponse(
    bool Ready,
    int HealthyStreak,
    int Required,
    IReadOnlyList<ReadinessCheck> History,
    ReadinessCheck Check,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FailbackPlan? Plan = null);

/// <summary>HealthValidator <c>gate</c> input: is this Region still healthy after a traffic step?</summary>
/// <param name="Operation">Always <c>gate</c>.</param>
/// <param name="Region">The Region to check.</param>
/// <param name="IncidentId">Optional incident id for the logs.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GateRequest(string Operation, string Region, string? IncidentId = null);

/// <summary>HealthValidator <c>gate</c> output (an unhealthy Region throws <c>HealthGateFailedException</c> instead).</summary>
/// <param name="Healthy">Always true in a returned output.</param>
/// <param name="Detail">What was seen.</param>
public sealed record GateResponse(bool Healthy, string Detail);
