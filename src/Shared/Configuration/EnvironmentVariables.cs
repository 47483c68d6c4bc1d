namespace DrLambdas.Shared.Configuration;

/// <summary>
/// The names of every environment variable the functions read. This is the only place in C# that
/// spells them; <c>docs/contracts.md</c> section 2 describes each.
/// </summary>
public static class EnvironmentVariables
{
    /// <summary>The Region the function runs in, which is the recovery Region.</summary>
    public const string AwsRegion = "AWS_REGION";

    /// <summary>The primary Region, e.g. <c>ap-east-2</c>.</summary>
    public const string PrimaryRegion = "DR_PRIMARY_REGION";

    /// <summary>The secondary Region, e.g. <c>ap-northeast-1</c>.</summary>
    public const string SecondaryRegion = "DR_SECONDARY_REGION";

    /// <summary>The Aurora global cluster identifier.</summary>
    public const string GlobalClusterId = "DR_GLOBAL_CLUSTER_ID";

    /// <summary>The primary Region's Aurora cluster ARN.</summary>
    public const string PrimaryClusterArn = "DR_PRIMARY_CLUSTER_ARN";

    /// <summary>The secondary Region's Aurora cluster ARN.</summary>
    public const string SecondaryClusterArn = "DR_SECONDARY_CLUSTER_ARN";

    /// <summary>The Route 53 hosted zone id.</summary>
    public const string HostedZoneId = "DR_HOSTED_ZONE_ID";

    /// <summary>The weighted record name; the trailing dot is optional.</summary>
    public const string RecordName = "DR_RECORD_NAME";

    /// <summary>The weighted record type (default <c>A</c>).</summary>
    public const string RecordType = "DR_RECORD_TYPE";

    /// <summary>The primary Region's weighted record set identifier.</summary>
    public const string PrimarySetIdentifier = "DR_PRIMARY_SET_IDENTIFIER";

    /// <summary>The secondary Region's weighted record set identifier.</summary>
    public const string SecondarySetIdentifier = "DR_SECONDARY_SET_IDENTIFIER";

    /// <summary>Steady-state weights <c>primary,secondary</c> (default <c>70,30</c>).</summary>
    public const string NormalWeights = "DR_NORMAL_WEIGHTS";

    /// <summary>The primary Region's <c>/actuator/health</c> URL.</summary>
    public const string PrimaryHealthUrl = "DR_PRIMARY_HEALTH_URL";

    /// <summary>The secondary Region's <c>/actuator/health</c> URL.</summary>
    public const string SecondaryHealthUrl = "DR_SECONDARY_HEALTH_URL";

    /// <summary>The primary Region's Route 53 health check id (optional).</summary>
    public const string PrimaryHealthCheckId = "DR_PRIMARY_HEALTH_CHECK_ID";

    /// <summary>The secondary Region's Route 53 health check id (optional).</summary>
    public const string SecondaryHealthCheckId = "DR_SECONDARY_HEALTH_CHECK_ID";

    /// <summary>Comma-separated alarms that signal a primary failure (optional).</summary>
    public const string AlarmNames = "DR_ALARM_NAMES";

    /// <summary>Comma-separated alarms that signal a secondary failure (optional).</summary>
    public const string SecondaryAlarmNames = "DR_SECONDARY_ALARM_NAMES";

    /// <summary>The alarm on the primary's Route 53 <c>HealthCheckStatus</c> metric, in us-east-1 (optional).</summary>
    public const string PrimaryHealthCheckAlarmName = "DR_PRIMARY_HEALTH_CHECK_ALARM_NAME";

    /// <summary>The alarm on the secondary's Route 53 <c>HealthCheckStatus</c> metric, in us-east-1 (optional).</summary>
    public const string SecondaryHealthCheckAlarmName = "DR_SECONDARY_HEALTH_CHECK_ALARM_NAME";

    /// <summary>
    /// Extra health signals of the primary (optional): comma-separated <c>kind:alarm-name</c> entries, the alarms in the
    /// primary Region; evidence only, never a quorum vote (<see cref="ExtraSignal"/>).
    /// </summary>
    public const string PrimaryExtraSignals = "DR_PRIMARY_EXTRA_SIGNALS";

    /// <summary>Extra health signals of the secondary (optional), the alarms in the secondary Region.</summary>
    public const string SecondaryExtraSignals = "DR_SECONDARY_EXTRA_SIGNALS";

    /// <summary>The Region of the health-check alarms (default <c>us-east-1</c>, the only Region with Route 53 metrics).</summary>
    public const string HealthCheckAlarmRegion = "DR_HEALTH_CHECK_ALARM_REGION";

    /// <summary>An <c>AuroraGlobalDBRPOLag</c> data point older than this many seconds is no measurement (default 120).</summary>
    public const string RpoLagMaxAgeSeconds = "DR_RPO_LAG_MAX_AGE_SECONDS";

    /// <summary>The failover state machine ARN (optional).</summary>
    public const string StateMachineArn = "DR_STATE_MACHINE_ARN";

    /// <summary>Where an execution waiting for approval keeps its task token: one SecureString per execution under this path (optional).</summary>
    public const string ApprovalParameterPrefix = "DR_APPROVAL_PARAMETER_PREFIX";

    /// <summary>Signal kinds that must agree the primary is down (default 2).</summary>
    public const string Quorum = "DR_QUORUM";

    /// <summary>No automatic failover within this many seconds of the last one (default 1800).</summary>
    public const string CooldownSeconds = "DR_COOLDOWN_SECONDS";

    /// <summary>Largest RPO lag in seconds accepted for an automatic failover (default 5).</summary>
    public const string DataLossBudgetSeconds = "DR_DATA_LOSS_BUDGET_SECONDS";

    /// <summary>The recovery time objective in seconds (default 60).</summary>
    public const string RtoTargetSeconds = "DR_RTO_TARGET_SECONDS";

    /// <summary>The recovery point objective in seconds (default 0).</summary>
    public const string RpoTargetSeconds = "DR_RPO_TARGET_SECONDS";

    /// <summary><c>/actuator/health</c> attempts per Region (default 3).</summary>
    public const string ProbeAttempts = "DR_PROBE_ATTEMPTS";

    /// <summary>Timeout per probe attempt in milliseconds (default 2000).</summary>
    public const string ProbeTimeoutMs = "DR_PROBE_TIMEOUT_MS";

    /// <summary>Route 53 health check request interval in seconds (default 30).</summary>
    public const string HealthCheckIntervalSeconds = "DR_HEALTH_CHECK_INTERVAL_SECONDS";

    /// <summary>Route 53 health check failure threshold (default 3).</summary>
    public const string HealthCheckFailureThreshold = "DR_HEALTH_CHECK_FAILURE_THRESHOLD";

    /// <summary>Period × evaluation periods of the trigger alarm, in seconds (default 60).</summary>
    public const string AlarmEvaluationSeconds = "DR_ALARM_EVALUATION_SECONDS";

    /// <summary>The weighted records' TTL in seconds (default 60).</summary>
    public const string DnsTtlSeconds = "DR_DNS_TTL_SECONDS";

    /// <summary>Expected Aurora failover duration in seconds (default 60).</summary>
    public const string PromotionEstimateSeconds = "DR_PROMOTION_ESTIMATE_SECONDS";

    /// <summary>Expected Aurora switchover duration in seconds (default 120).</summary>
    public const string SwitchoverEstimateSeconds = "DR_SWITCHOVER_ESTIMATE_SECONDS";

    /// <summary>Expected Route 53 PENDING → INSYNC duration in seconds (default 60).</summary>
    public const string PropagationEstimateSeconds = "DR_PROPAGATION_ESTIMATE_SECONDS";

    /// <summary>Step Functions and Lambda overhead in seconds (default 5).</summary>
    public const string OrchestrationOverheadSeconds = "DR_ORCHESTRATION_OVERHEAD_SECONDS";

    /// <summary>The promoter's status reports <c>timedOut</c> past this many seconds (default 900).</summary>
    public const string PromotionTimeoutSeconds = "DR_PROMOTION_TIMEOUT_SECONDS";

    /// <summary>
    /// The promoter's status takes an operation RDS does not show as still starting for this many seconds after
    /// <c>start</c> (default 60); past it, a writer that never moved is <c>NotPromoted</c>.
    /// </summary>
    public const string PromotionReportingGraceSeconds = "DR_PROMOTION_REPORTING_GRACE_SECONDS";

    /// <summary>The DNS status reports <c>timedOut</c> past this many seconds (default 300).</summary>
    public const string PropagationTimeoutSeconds = "DR_PROPAGATION_TIMEOUT_SECONDS";

    /// <summary>
    /// A DNS pin that has not landed is retried for this many seconds after its first failed attempt, then given
    /// up with the paging <c>PinFailed</c> metric (default 900).
    /// </summary>
    public const string PinRetrySeconds = "DR_PIN_RETRY_SECONDS";

    /// <summary>Consecutive healthy checks required before failback (default 3).</summary>
    public const string FailbackChecks = "DR_FAILBACK_CHECKS";

    /// <summary>Seconds between failback readiness checks (default 300).</summary>
    public const string FailbackCheckIntervalSeconds = "DR_FAILBACK_CHECK_INTERVAL_SECONDS";

    /// <summary>The primary's percentage share at each gradual failback step (default <c>10,30,70</c>).</summary>
    public const string FailbackSteps = "DR_FAILBACK_STEPS";

    /// <summary>Bake time after each failback step, in seconds (default 300).</summary>
    public const string FailbackBakeSeconds = "DR_FAILBACK_BAKE_SECONDS";

    /// <summary>Seconds between two probes of each Region by the scheduled <c>probe</c> operation (default 5).</summary>
    public const string ProbeIntervalSeconds = "DR_PROBE_INTERVAL_SECONDS";

    /// <summary>How long one scheduled <c>probe</c> invocation keeps probing, in seconds (default 60: its minute).</summary>
    public const string ProbeDurationSeconds = "DR_PROBE_DURATION_SECONDS";

    /// <summary>How far back <c>assess</c> reads the probe metric of each observer, in seconds (default 30).</summary>
    public const string ProbeWindowSeconds = "DR_PROBE_WINDOW_SECONDS";

    /// <summary>The Region the probe metric is published into and read from (default: the Region the function runs in).</summary>
    public const string ProbeMetricRegion = "DR_PROBE_METRIC_REGION";

    /// <summary>The third Region whose scheduled probes are an outside observer (optional).</summary>
    public const string WitnessRegion = "DR_WITNESS_REGION";

    /// <summary>The probe alarm about the primary (observers in two Regions agree), in the recovery Region (optional).</summary>
    public const string PrimaryProbeAlarmName = "DR_PRIMARY_PROBE_ALARM_NAME";

    /// <summary>The probe alarm about the secondary, in the recovery Region (optional).</summary>
    public const string SecondaryProbeAlarmName = "DR_SECONDARY_PROBE_ALARM_NAME";

    /// <summary>Period of the high-resolution probe alarms in seconds (default 10): an input of the write RTO budget.</summary>
    public const string ProbeAlarmPeriodSeconds = "DR_PROBE_ALARM_PERIOD_SECONDS";

    /// <summary>M of the probe alarms' M of N (default 3): breaching periods before they fire.</summary>
    public const string ProbeAlarmDatapointsToAlarm = "DR_PROBE_ALARM_DATAPOINTS_TO_ALARM";

    /// <summary>
    /// <c>true</c> when the weighted records are alias records (default <c>false</c>): resolvers then cache them for
    /// the target's fixed TTL (60 s for a load balancer), not <see cref="DnsTtlSeconds"/>.
    /// </summary>
    public const string AliasRecords = "DR_ALIAS_RECORDS";

    /// <summary>Expected delay from a completed promotion to the global writer endpoint naming the new writer (default 10).</summary>
    public const string WriterRepointEstimateSeconds = "DR_WRITER_REPOINT_ESTIMATE_SECONDS";

    /// <summary>Expected time for the application to reconnect to a new writer (default 5).</summary>
    public const string ReconnectEstimateSeconds = "DR_RECONNECT_ESTIMATE_SECONDS";

    /// <summary>Time allowed per evidence source in milliseconds (default 4000).</summary>
    public const string SourceTimeoutMs = "DR_SOURCE_TIMEOUT_MS";

    /// <summary>
    /// The SSM String parameter (in the recovery Region) holding the pause of automatic failover (optional; the
    /// template sets <c>/drlambdas/&lt;StackName&gt;/pause</c>). Unset: automatic failover cannot be paused.
    /// </summary>
    public const string PauseParameterName = "DR_PAUSE_PARAMETER_NAME";

    /// <summary>The alert topic: readiness checks it has a confirmed subscription and posts its notices there (optional).</summary>
    public const string AlertTopicArn = "DR_ALERT_TOPIC_ARN";

    /// <summary>The failback state machine ARN, whose existence readiness checks (optional).</summary>
    public const string FailbackStateMachineArn = "DR_FAILBACK_STATE_MACHINE_ARN";

    /// <summary>The SSM String parameter where readiness keeps the last set of findings between runs (optional).</summary>
    public const string ReadinessParameterName = "DR_READINESS_PARAMETER_NAME";

    /// <summary>Readiness reports a failover path not exercised (dry run, game day, switchover) for this many days (default 35).</summary>
    public const string ReadinessMaxExerciseAgeDays = "DR_READINESS_MAX_EXERCISE_AGE_DAYS";

    /// <summary>The failover state machine ARN drctl starts failovers and switchovers with (default: <see cref="StateMachineArn"/>).</summary>
    public const string FailoverStateMachineArn = "DR_FAILOVER_STATE_MACHINE_ARN";
}
