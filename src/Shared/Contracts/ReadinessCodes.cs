namespace DrLambdas.Shared.Contracts;

/// <summary>The stable codes of readiness findings (<c>docs/contracts.md</c>, the readiness document).</summary>
public static class ReadinessCodes
{
    /// <summary>A Region has no Route 53 health check configured.</summary>
    public const string HealthCheckNotConfigured = "HealthCheckNotConfigured";

    /// <summary>The configured health check does not exist.</summary>
    public const string HealthCheckMissing = "HealthCheckMissing";

    /// <summary>The Region's weighted record is not gated by its health check.</summary>
    public const string HealthCheckNotAssociated = "HealthCheckNotAssociated";

    /// <summary>Route 53's checkers see the Region unhealthy.</summary>
    public const string HealthCheckUnhealthy = "HealthCheckUnhealthy";

    /// <summary>A Region's weighted record does not exist.</summary>
    public const string RecordMissing = "RecordMissing";

    /// <summary>No incident is open, yet the weights are not the normal split.</summary>
    public const string WeightsNotNormal = "WeightsNotNormal";

    /// <summary>An incident is open (an execution runs, cooldown, or the writer is away from the primary): weights not judged.</summary>
    public const string IncidentOpen = "IncidentOpen";

    /// <summary>The global cluster cannot be found.</summary>
    public const string GlobalClusterMissing = "GlobalClusterMissing";

    /// <summary>A configured cluster is not a member of the global cluster (e.g. detached).</summary>
    public const string ClusterNotMember = "ClusterNotMember";

    /// <summary>The secondary (promotion target) cluster is not <c>available</c>.</summary>
    public const string SecondaryNotAvailable = "SecondaryNotAvailable";

    /// <summary>The promotion target is not replicating (<c>pending-resync</c>).</summary>
    public const string SecondaryNotSynchronised = "SecondaryNotSynchronised";

    /// <summary>Replication lag is above the data-loss budget.</summary>
    public const string ReplicationLagOverBudget = "ReplicationLagOverBudget";

    /// <summary>No fresh replication lag measurement.</summary>
    public const string ReplicationLagUnknown = "ReplicationLagUnknown";

    /// <summary>A configured alarm does not exist.</summary>
    public const string AlarmMissing = "AlarmMissing";

    /// <summary>A configured alarm has no data (<c>INSUFFICIENT_DATA</c>).</summary>
    public const string AlarmNoData = "AlarmNoData";

    /// <summary>A state machine does not exist or is being deleted.</summary>
    public const string StateMachineMissing = "StateMachineMissing";

    /// <summary>The alert topic does not exist.</summary>
    public const string TopicMissing = "TopicMissing";

    /// <summary>Nobody has a confirmed subscription to the alert topic.</summary>
    public const string NoConfirmedSubscription = "NoConfirmedSubscription";

    /// <summary>A pause outlived its expiry: it no longer holds anything back, but the parameter says otherwise.</summary>
    public const string PauseExpired = "PauseExpired";

    /// <summary>Automatic failover is paused by an operator.</summary>
    public const string Paused = "Paused";

    /// <summary>The pause parameter does not hold a readable pause document.</summary>
    public const string PauseUnreadable = "PauseUnreadable";

    /// <summary>No successful dry run, game day or switchover within the configured age.</summary>
    public const string ExerciseOverdue = "ExerciseOverdue";

    /// <summary>The function's role may not read something readiness checks.</summary>
    public const string PermissionMissing = "PermissionMissing";

    /// <summary>Something readiness checks could not be read (timeout, throttling, an error).</summary>
    public const string CheckFailed = "CheckFailed";
}
