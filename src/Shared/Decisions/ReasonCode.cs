using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Decisions;

/// <summary>Stable identifiers of decision reasons; dashboards and runbooks key on these.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReasonCode>))]
public enum ReasonCode
{
    /// <summary>The alarm changed to a state other than ALARM.</summary>
    AlarmNotInAlarmState,

    /// <summary>The alarm is not one this deployment manages.</summary>
    AlarmNotManaged,

    /// <summary>The requested target Region is not a valid target.</summary>
    TargetRegionInvalid,

    /// <summary>An earlier execution is still running and acts instead.</summary>
    DeferredToEarlierExecution,

    /// <summary>Aurora reports a global failover or switchover already under way.</summary>
    GlobalOperationInProgress,

    /// <summary>Only recovery-Region observers see the Region down: looks like a partition.</summary>
    PartitionSuspected,

    /// <summary>Enough independent signal kinds agree the Region being left is down.</summary>
    PrimaryDownByQuorum,

    /// <summary>Not enough independent evidence that the Region being left is down.</summary>
    PrimaryNotDownByQuorum,

    /// <summary>Enough independent signal kinds agree the Region to drain is down.</summary>
    SecondaryDownByQuorum,

    /// <summary>Not enough independent evidence that the Region to drain is down.</summary>
    SecondaryNotDownByQuorum,

    /// <summary>The target Region is healthy.</summary>
    TargetHealthy,

    /// <summary>The target Region is not healthy.</summary>
    TargetUnhealthy,

    /// <summary>The world already matches the desired state.</summary>
    AlreadyConverged,

    /// <summary>The target already holds the writer; only DNS must change.</summary>
    TargetAlreadyWriter,

    /// <summary>The Region to drain holds the writer.</summary>
    DrainRegionIsWriter,

    /// <summary>The last failover was too recent.</summary>
    CooldownActive,

    /// <summary>The writer is reachable and the target synchronised: switchover, RPO 0.</summary>
    DatabaseSynchronised,

    /// <summary>The writer is unreachable or the target not synchronised.</summary>
    DatabaseNotSynchronised,

    /// <summary>The mode allows only a switchover and a switchover is not possible.</summary>
    SwitchoverRequired,

    /// <summary>The measured RPO lag is within the data-loss budget.</summary>
    DataLossWithinBudget,

    /// <summary>The measured RPO lag exceeds the data-loss budget.</summary>
    DataLossBeyondBudget,

    /// <summary>No RPO lag measurement is available.</summary>
    ReplicationLagUnknown,

    /// <summary>An operator's <c>force</c> bypassed a gate.</summary>
    ForcedOverride,

    /// <summary>Dry run: nothing will be changed.</summary>
    DryRun,

    /// <summary>The state machine's executions could not be read: another may be running or may just have moved the writer.</summary>
    ExecutionHistoryUnknown,

    /// <summary>The weighted records could not be read: the DNS step converges them itself.</summary>
    WeightsUnknown,

    /// <summary>The newest RPO lag measurement is older than <c>DR_RPO_LAG_MAX_AGE_SECONDS</c> (or of unknown age).</summary>
    ReplicationLagStale,

    /// <summary>The target is <c>pending-resync</c>: not replicating, so its data loss cannot be estimated.</summary>
    TargetPendingResync,

    /// <summary>A recovery-Region probe sees the Region being left working: no failover with data loss.</summary>
    HealthyProbeCounterVote,

    /// <summary>Automatic failover is paused (DR_PAUSE_PARAMETER_NAME): an alarm-started execution does nothing.</summary>
    AutomaticFailoverPaused,

    /// <summary>The pause parameter could not be read or is malformed: an alarm-started execution hands over to a human.</summary>
    PauseStateUnknown,

    /// <summary>Automatic failover is paused, but a manual request acts regardless.</summary>
    PauseDoesNotApplyToManualRequest,
    /// <summary>Extra health signals (e.g. MSK replication lag) were read: evidence only, never a quorum vote.</summary>
    ExtraSignalsNotCounted,
}
