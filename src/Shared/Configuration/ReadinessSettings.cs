namespace DrLambdas.Shared.Configuration;

/// <summary>What the scheduled <c>readiness</c> operation checks beyond the rest of the configuration, and where it keeps its state.</summary>
/// <param name="AlertTopicArn">The alert topic (a confirmed subscription is required; notices go there), if configured.</param>
/// <param name="FailbackStateMachineArn">The failback state machine, if configured.</param>
/// <param name="FindingsParameterName">The SSM parameter keeping the last findings between runs, if configured.</param>
/// <param name="MaxExerciseAge">The failover path must have been exercised successfully within this age.</param>
public sealed record ReadinessSettings(
    string? AlertTopicArn,
    string? FailbackStateMachineArn,
    string? FindingsParameterName,
    TimeSpan MaxExerciseAge)
{
    /// <summary>Nothing configured beyond the defaults.</summary>
    public static ReadinessSettings None { get; } =
        new(null, null, null, TimeSpan.FromDays(ConfigurationDefaults.ReadinessMaxExerciseAgeDays));
}
