namespace DrLambdas.Shared.Configuration;

/// <summary>The defaults of the optional variables, as listed in <c>docs/contracts.md</c>.</summary>
public static class ConfigurationDefaults
{
    /// <summary>Default of <see cref="EnvironmentVariables.RecordType"/>.</summary>
    public const string RecordType = "A";

    /// <summary>Default of <see cref="EnvironmentVariables.NormalWeights"/>.</summary>
    public const string NormalWeights = "70,30";

    /// <summary>Default of <see cref="EnvironmentVariables.Quorum"/>.</summary>
    public const int Quorum = 2;

    /// <summary>Default of <see cref="EnvironmentVariables.CooldownSeconds"/>.</summary>
    public const int CooldownSeconds = 1800;

    /// <summary>Default of <see cref="EnvironmentVariables.DataLossBudgetSeconds"/>.</summary>
    public const int DataLossBudgetSeconds = 5;

    /// <summary>Default of <see cref="EnvironmentVariables.HealthCheckAlarmRegion"/>.</summary>
    public const string HealthCheckAlarmRegion = "us-east-1";

    /// <summary>Default of <see cref="EnvironmentVariables.RpoLagMaxAgeSeconds"/>: two of the metric's one-minute periods.</summary>
    public const int RpoLagMaxAgeSeconds = 120;

    /// <summary>Default of <see cref="EnvironmentVariables.RtoTargetSeconds"/>.</summary>
    public const int RtoTargetSeconds = 60;

    /// <summary>Default of <see cref="EnvironmentVariables.RpoTargetSeconds"/>.</summary>
    public const int RpoTargetSeconds = 0;

    /// <summary>Default of <see cref="EnvironmentVariables.ProbeAttempts"/>.</summary>
    public const int ProbeAttempts = 3;

    /// <summary>Default of <see cref="EnvironmentVariables.ProbeTimeoutMs"/>.</summary>
    public const int ProbeTimeoutMs = 2000;

    /// <summary>Default of <see cref="EnvironmentVariables.HealthCheckIntervalSeconds"/>.</summary>
    public const int HealthCheckIntervalSeconds = 30;

    /// <summary>Default of <see cref="EnvironmentVariables.HealthCheckFailureThreshold"/>.</summary>
    public const int HealthCheckFailureThreshold = 3;

    /// <summary>Default of <see cref="EnvironmentVariables.AlarmEvaluationSeconds"/>.</summary>
    public const int AlarmEvaluationSeconds = 60;

    /// <summary>Default of <see cref="EnvironmentVariables.DnsTtlSeconds"/>.</summary>
    public const int DnsTtlSeconds = 60;

    /// <summary>Default of <see cref="EnvironmentVariables.PromotionEstimateSeconds"/>.</summary>
    public const int PromotionEstimateSeconds = 60;

    /// <summary>Default of <see cref="EnvironmentVariables.SwitchoverEstimateSeconds"/>.</summary>
    public const int SwitchoverEstimateSeconds = 120;

    /// <summary>Default of <see cref="EnvironmentVariables.PropagationEstimateSeconds"/>.</summary>
    public const int PropagationEstimateSeconds = 60;

    /// <summary>Default of <see cref="EnvironmentVariables.OrchestrationOverheadSeconds"/>.</summary>
    public const int OrchestrationOverheadSeconds = 5;

    /// <summary>Default of <see cref="EnvironmentVariables.PromotionTimeoutSeconds"/>.</summary>
    public const int PromotionTimeoutSeconds = 900;

    /// <summary>Default of <see cref="EnvironmentVariables.PromotionReportingGraceSeconds"/>.</summary>
    public const int PromotionReportingGraceSeconds = 60;

    /// <summary>Default of <see cref="EnvironmentVariables.PropagationTimeoutSeconds"/>.</summary>
    public const int PropagationTimeoutSeconds = 300;

    /// <summary>Default of <see cref="EnvironmentVariables.PinRetrySeconds"/>.</summary>
    public const int PinRetrySeconds = 900;

    /// <summary>Default of <see cref="EnvironmentVariables.FailbackChecks"/>.</summary>
    public const int FailbackChecks = 3;

    /// <summary>Default of <see cref="EnvironmentVariables.FailbackCheckIntervalSeconds"/>.</summary>
    public const int FailbackCheckIntervalSeconds = 300;

    /// <summary>Default of <see cref="EnvironmentVariables.FailbackSteps"/>.</summary>
    public const string FailbackSteps = "10,30,70";

    /// <summary>Default of <see cref="EnvironmentVariables.FailbackBakeSeconds"/>.</summary>
    public const int FailbackBakeSeconds = 300;

    /// <summary>Default of <see cref="EnvironmentVariables.SourceTimeoutMs"/>.</summary>
    public const int SourceTimeoutMs = 4000;

    /// <summary>Default of <see cref="EnvironmentVariables.ProbeIntervalSeconds"/>.</summary>
    public const int ProbeIntervalSeconds = 5;

    /// <summary>Default of <see cref="EnvironmentVariables.ProbeDurationSeconds"/>: EventBridge Scheduler's finest rate is one minute.</summary>
    public const int ProbeDurationSeconds = 60;

    /// <summary>Default of <see cref="EnvironmentVariables.ProbeWindowSeconds"/>: three 10-second alarm periods.</summary>
    public const int ProbeWindowSeconds = 30;

    /// <summary>Default of <see cref="EnvironmentVariables.ReadinessMaxExerciseAgeDays"/>: a monthly game day with a week of slack.</summary>
    public const int ReadinessMaxExerciseAgeDays = 35;

    /// <summary>Default of <see cref="EnvironmentVariables.AliasRecords"/>: plain records with their own TTL.</summary>
    public const string AliasRecords = "false";

    /// <summary>Default of <see cref="EnvironmentVariables.ProbeAlarmPeriodSeconds"/>: CloudWatch's shortest high-resolution alarm period.</summary>
    public const int ProbeAlarmPeriodSeconds = 10;

    /// <summary>Default of <see cref="EnvironmentVariables.ProbeAlarmDatapointsToAlarm"/>.</summary>
    public const int ProbeAlarmDatapointsToAlarm = 3;

    /// <summary>
    /// Default of <see cref="EnvironmentVariables.WriterRepointEstimateSeconds"/>: an assumption (AWS documents that the
    /// global writer endpoint follows the writer, not how soon); the lab's figure, tools/DrLab/README.md.
    /// </summary>
    public const int WriterRepointEstimateSeconds = 10;

    /// <summary>
    /// Default of <see cref="EnvironmentVariables.ReconnectEstimateSeconds"/>: an assumption (HikariCP's default
    /// validationTimeout); the lab's figure, tools/DrLab/README.md.
    /// </summary>
    public const int ReconnectEstimateSeconds = 5;
}
