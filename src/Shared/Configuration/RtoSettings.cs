namespace DrLambdas.Shared.Configuration;

/// <summary>The durations that make up the recovery time.</summary>
/// <param name="HealthCheckInterval">Route 53 health check request interval (10 or 30 s on AWS).</param>
/// <param name="HealthCheckFailureThreshold">Consecutive failures before Route 53 marks unhealthy.</param>
/// <param name="AlarmEvaluation">Period × evaluation periods of the trigger alarm.</param>
/// <param name="DnsTtl">The weighted records' TTL.</param>
/// <param name="PromotionEstimate">Expected Aurora failover duration.</param>
/// <param name="SwitchoverEstimate">Expected Aurora switchover duration.</param>
/// <param name="PropagationEstimate">Expected Route 53 PENDING → INSYNC duration.</param>
/// <param name="OrchestrationOverhead">Step Functions and Lambda overhead.</param>
public sealed record RtoSettings(
    TimeSpan HealthCheckInterval,
    int HealthCheckFailureThreshold,
    TimeSpan AlarmEvaluation,
    TimeSpan DnsTtl,
    TimeSpan PromotionEstimate,
    TimeSpan SwitchoverEstimate,
    TimeSpan PropagationEstimate,
    TimeSpan OrchestrationOverhead)
{
    /// <summary>Whether the weighted records are alias records, cached for their target's fixed TTL.</summary>
    public bool AliasRecords { get; init; }

    /// <summary>From a completed promotion to the global writer endpoint naming the new writer.</summary>
    public TimeSpan WriterRepointEstimate { get; init; } = TimeSpan.FromSeconds(ConfigurationDefaults.WriterRepointEstimateSeconds);

    /// <summary>From the application seeing the new writer to its writes succeeding there.</summary>
    public TimeSpan ReconnectEstimate { get; init; } = TimeSpan.FromSeconds(ConfigurationDefaults.ReconnectEstimateSeconds);

    /// <summary>The probe alarm's timing when a probe alarm about the primary is configured (a witness); else null.</summary>
    public ProbeAlarmTiming? ProbeAlarm { get; init; }
}
