namespace DrLambdas.Shared.Failback;

/// <summary>One failback readiness check of the primary Region.</summary>
/// <param name="At">When the check ran.</param>
/// <param name="Healthy">Whether the Region passed.</param>
/// <param name="Detail">What the check saw.</param>
public sealed record HealthCheckRecord(DateTimeOffset At, bool Healthy, string? Detail);
