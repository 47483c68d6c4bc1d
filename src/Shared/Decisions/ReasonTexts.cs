using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Pause;
using DrLambdas.Shared.Triggers;
using static DrLambdas.Shared.Decisions.TextFormat;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Every sentence a decision can say to an operator, in one place. Each names what was found and
/// what happens because of it.
/// </summary>
public static class ReasonTexts
{
    /// <summary>Gate names used in <see cref="ForcedOverride"/>.</summary>
    public static class Gates
    {
        /// <summary>The quorum of independent signal kinds.</summary>
        public const string Quorum = "quorum";

        /// <summary>The cooldown after the last failover.</summary>
        public const string Cooldown = "cooldown";

        /// <summary>The data-loss budget.</summary>
        public const string DataLossBudget = "data-loss budget";

        /// <summary>The need for an RPO lag measurement.</summary>
        public const string DataLossMeasurement = "data-loss measurement";
    }

    /// <summary><see cref="ReasonCode.AlarmNotInAlarmState"/>.</summary>
    public static string AlarmNotInAlarmState(string alarmName, AlarmState state) =>
        $"Alarm {alarmName} changed to {AlarmStateNames.Of(state)}, not ALARM: nothing to do.";

    /// <summary><see cref="ReasonCode.AlarmNotManaged"/>.</summary>
    public static string AlarmNotManaged(string alarmName) =>
        $"Alarm {alarmName} is not listed in DR_ALARM_NAMES, DR_SECONDARY_ALARM_NAMES, DR_PRIMARY_HEALTH_CHECK_ALARM_NAME "
        + "or DR_SECONDARY_HEALTH_CHECK_ALARM_NAME: nothing to do.";

    /// <summary><see cref="ReasonCode.TargetRegionInvalid"/> for a Region this deployment does not manage.</summary>
    public static string TargetRegionNotManaged(string region, string primary, string secondary) =>
        $"Target Region {region} is not managed here (primary {primary}, secondary {secondary}): refusing to act.";

    /// <summary><see cref="ReasonCode.TargetRegionInvalid"/> for a failback to a Region other than the primary.</summary>
    public static string FailbackTargetNotPrimary(string region, string primary) =>
        $"Failback returns to the primary Region {primary}, but the requested target is {region}: refusing to act.";

    /// <summary><see cref="ReasonCode.DeferredToEarlierExecution"/>.</summary>
    public static string DeferredToEarlierExecution(string executionId, DateTimeOffset startedAt) =>
        $"Execution {executionId}, started {Time(startedAt)}, is still running and acts first: this execution does nothing.";

    /// <summary><see cref="ReasonCode.GlobalOperationInProgress"/>.</summary>
    public static string GlobalOperationInProgress(string status) =>
        $"Aurora reports a global operation ({status}) already under way that no running execution started: not starting another; find out who started it.";

    /// <summary><see cref="ReasonCode.PartitionSuspected"/>.</summary>
    public static string PartitionSuspected(string region, string recoveryRegion) =>
        $"Only observers in {recoveryRegion} see {region} down; no observer outside {recoveryRegion} does. "
        + "That is what a network partition between the Regions looks like: not moving the writer (force does not override this).";

    /// <summary><see cref="ReasonCode.PrimaryDownByQuorum"/> and <see cref="ReasonCode.SecondaryDownByQuorum"/>.</summary>
    public static string RegionDown(string region, IReadOnlyList<SignalKind> agreeingKinds, int quorum, string recoveryRegion)
    {
        ArgumentNullException.ThrowIfNull(agreeingKinds);
        return $"{region} is down: {Count(agreeingKinds.Count, "signal kind agrees", "signal kinds agree")} "
            + $"({List(agreeingKinds.Select(kind => kind.ToString()))}), quorum {quorum}, confirmed by an observer outside {recoveryRegion}.";
    }

    /// <summary><see cref="ReasonCode.PrimaryNotDownByQuorum"/> and <see cref="ReasonCode.SecondaryNotDownByQuorum"/> when too few kinds agree.</summary>
    public static string RegionNotDownTooFewKinds(string region, IReadOnlyList<SignalKind> agreeingKinds, int quorum)
    {
        ArgumentNullException.ThrowIfNull(agreeingKinds);
        return $"{region} is not proven down: {Count(agreeingKinds.Count, "signal kind agrees", "signal kinds agree")} "
            + $"({List(agreeingKinds.Select(kind => kind.ToString()))}) but the quorum is {quorum}.";
    }

    /// <summary><see cref="ReasonCode.PrimaryNotDownByQuorum"/> and <see cref="ReasonCode.SecondaryNotDownByQuorum"/> when no outside observer agrees.</summary>
    public static string RegionNotDownNoOutsideObserver(string region, string recoveryRegion) =>
        $"{region} is not proven down: the signal kinds that agree rest only on observers in {recoveryRegion}; an observer outside it must agree too.";

    /// <summary><see cref="ReasonCode.TargetHealthy"/>.</summary>
    public static string TargetHealthy(string region) =>
        $"Target Region {region} is healthy: a probe sees it up, no observer sees it failing, and its cluster is available.";

    /// <summary><see cref="ReasonCode.TargetUnhealthy"/>.</summary>
    public static string TargetUnhealthy(string region, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"Target Region {region} is not healthy ({string.Join("; ", problems)}): never move traffic into a sick Region.";
    }

    /// <summary>A <see cref="TargetUnhealthy"/> problem: no healthy probe.</summary>
    public static string NoHealthyProbe() => "no probe sees it up";

    /// <summary>A <see cref="TargetUnhealthy"/> problem: Route 53 watches the target but gives no healthy verdict.</summary>
    public static string NoRoute53Verdict() => "Route 53 watches it but has no healthy verdict";

    /// <summary>A <see cref="TargetUnhealthy"/> problem: failing observations.</summary>
    public static string FailingObservations(int count) => $"{Count(count, "observation sees", "observations see")} it failing";

    /// <summary>A <see cref="TargetUnhealthy"/> problem: the cluster is not available.</summary>
    public static string ClusterNotAvailable(string status) => $"its cluster is {status}";

    /// <summary>A <see cref="TargetUnhealthy"/> problem: no cluster in the global database.</summary>
    public static string NoClusterInGlobalDatabase(string region, string globalClusterId) =>
        $"{region} has no cluster in global database {globalClusterId}";

    /// <summary><see cref="ReasonCode.AlreadyConverged"/> after a failover or switchover.</summary>
    public static string AlreadyConvergedWriter(string target, string failed) =>
        $"{target} is already the writer and {failed} receives no traffic: nothing to change.";

    /// <summary><see cref="ReasonCode.AlreadyConverged"/> for a failback.</summary>
    public static string AlreadyConvergedFailback(string target) =>
        $"{target} is already the writer: the failback switchover is done; traffic follows the failback plan.";

    /// <summary><see cref="ReasonCode.AlreadyConverged"/> after a drain.</summary>
    public static string AlreadyConvergedDrained(string region) =>
        $"{region} already receives no traffic: nothing to change.";

    /// <summary><see cref="ReasonCode.TargetAlreadyWriter"/>.</summary>
    public static string TargetAlreadyWriter(string target, string failed, int weight) =>
        $"{target} is already the writer but {failed} still has weight {weight}: only DNS needs to change.";

    /// <summary><see cref="ReasonCode.DrainRegionIsWriter"/>.</summary>
    public static string DrainRegionIsWriter(string region) =>
        $"{region} holds the Aurora writer, so draining it is not a DNS-only change: a human must decide.";

    /// <summary><see cref="ReasonCode.CooldownActive"/>.</summary>
    public static string CooldownActive(string executionId, DateTimeOffset at, TimeSpan cooldown, DateTimeOffset until) =>
        $"The last failover (execution {executionId}, {Time(at)}) is within the {Minutes(cooldown)} cooldown: no automatic failover before {Time(until)}.";

    /// <summary><see cref="ReasonCode.DatabaseSynchronised"/>.</summary>
    public static string DatabaseSynchronised(string from, string target) =>
        $"The writer in {from} is reachable and {target} is synchronised: switching over with no data loss (RPO 0).";

    /// <summary><see cref="ReasonCode.DatabaseNotSynchronised"/>.</summary>
    public static string DatabaseNotSynchronised(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"A switchover is not possible: {string.Join("; ", problems)}.";
    }

    /// <summary>A <see cref="DatabaseNotSynchronised"/> problem: the writer is elsewhere or unknown.</summary>
    public static string WriterNotIn(string from, string? writerRegion) =>
        writerRegion is null ? "no writer is reported" : $"the writer is in {writerRegion}, not {from}";

    /// <summary>A <see cref="DatabaseNotSynchronised"/> problem: the writer is not available.</summary>
    public static string WriterNotAvailable(string from, string status) => $"the writer in {from} is {status}";

    /// <summary>A <see cref="DatabaseNotSynchronised"/> problem: endpoint checks cannot reach the writer.</summary>
    public static string WriterUnreachable(string from, int failedChecks) =>
        $"{Count(failedChecks, "database endpoint check", "database endpoint checks")} cannot reach {from}";

    /// <summary>A <see cref="DatabaseNotSynchronised"/> problem: the target is not replicating.</summary>
    public static string TargetNotSynchronised(string target, SynchronisationStatus status) =>
        $"{target} is not synchronised ({status})";

    /// <summary><see cref="ReasonCode.SwitchoverRequired"/>.</summary>
    public static string SwitchoverRequired(TriggerMode mode) => mode == TriggerMode.Failback
        ? "Failback only switches over (RPO 0) and a switchover is not possible now: wait until the database is synchronised, then retry."
        : "A switchover was requested and is not possible now: retry once the database is synchronised, or request mode failover to accept data loss.";

    /// <summary><see cref="ReasonCode.DataLossWithinBudget"/>.</summary>
    public static string DataLossWithinBudget(TimeSpan lag, TimeSpan budget) =>
        $"Failing over with data loss: the last measured RPO lag of {Seconds(lag)} is within the {Seconds(budget)} budget.";

    /// <summary><see cref="ReasonCode.DataLossBeyondBudget"/>.</summary>
    public static string DataLossBeyondBudget(TimeSpan lag, TimeSpan budget) =>
        $"The last measured RPO lag of {Seconds(lag)} exceeds the {Seconds(budget)} data-loss budget: a human must decide (a manual failover with force accepts the loss).";

    /// <summary><see cref="ReasonCode.ReplicationLagUnknown"/>.</summary>
    public static string ReplicationLagUnknown() =>
        "No AuroraGlobalDBRPOLag measurement is available, so the data loss cannot be estimated: a human must decide (a manual failover with force accepts the unknown loss).";

    /// <summary><see cref="ReasonCode.ReplicationLagStale"/>.</summary>
    public static string ReplicationLagStale(DateTimeOffset? measuredAt, TimeSpan maxAge) =>
        (measuredAt is { } at ? $"The newest AuroraGlobalDBRPOLag measurement ({Time(at)}) is older than {Seconds(maxAge)}" : "The AuroraGlobalDBRPOLag measurement has no time")
        + ", so the data loss cannot be estimated: a human must decide (a manual failover with force accepts the unknown loss).";

    /// <summary><see cref="ReasonCode.TargetPendingResync"/>.</summary>
    public static string TargetPendingResync(string target) =>
        $"{target} is pending-resync: it is not replicating, so no RPO lag describes what it misses and the data loss cannot be estimated: "
        + "a human must decide (a manual failover with force accepts the unknown loss).";

    /// <summary><see cref="ReasonCode.HealthyProbeCounterVote"/>.</summary>
    public static string HealthyProbeCounterVote(string region, string recoveryRegion) =>
        $"A probe from {recoveryRegion} sees {region} up: it still serves the Region that would take over, so no vote of other signals "
        + "turns this into a failover that loses data (force does not override this). A switchover becomes possible once the database is "
        + "reachable and synchronised; a human must decide.";

    /// <summary><see cref="ReasonCode.ExecutionHistoryUnknown"/>.</summary>
    public static string ExecutionHistoryUnknown() =>
        "The failover state machine's executions could not be read, so another execution may be moving the writer now or may just have moved it: "
        + "not moving it again (force does not override this); a human must decide.";

    /// <summary><see cref="ReasonCode.WeightsUnknown"/> when the target already holds the writer.</summary>
    public static string WeightsUnknownAfterWriterMove(string target, string failed) =>
        $"{target} is already the writer, but the weighted records could not be read: moving traffic off {failed} in DNS, "
        + "which reads the records itself and changes them only if they still are what it read.";

    /// <summary><see cref="ReasonCode.WeightsUnknown"/> for a drain.</summary>
    public static string WeightsUnknownDrain(string region) =>
        $"The weighted records could not be read, so whether {region} still receives traffic is unknown: draining it in DNS, "
        + "which reads the records itself and changes them only if they still are what it read.";

    /// <summary><see cref="ReasonCode.ForcedOverride"/>.</summary>
    public static string ForcedOverride(string gate, string? requestedBy) =>
        $"The {gate} gate was overridden by force, requested by {requestedBy ?? "an unnamed operator"}.";

    /// <summary><see cref="ReasonCode.DryRun"/>.</summary>
    public static string DryRun(string? requestedBy) =>
        $"Dry run requested by {requestedBy ?? "an unnamed operator"}: this is what would happen; nothing will be changed.";

    /// <summary><see cref="ReasonCode.AutomaticFailoverPaused"/>.</summary>
    public static string AutomaticFailoverPaused(PauseDocument pause)
    {
        ArgumentNullException.ThrowIfNull(pause);
        return $"Automatic failover is paused by {pause.PausedBy} since {Time(pause.PausedAt)} until {Time(pause.ExpiresAt)}: "
            + $"{pause.Reason}. Nothing is changed; a manual request (drctl failover/switchover) still acts, and Route 53 still "
            + "moves traffic away from a Region its health checks see failing.";
    }

    /// <summary><see cref="ReasonCode.PauseStateUnknown"/>.</summary>
    public static string PauseStateUnknown(string parameterName, string problem) =>
        $"Cannot tell whether automatic failover is paused: the pause parameter {parameterName} could not be read ({problem}). "
        + "An operator decides; nothing is changed automatically.";

    /// <summary><see cref="ReasonCode.PauseDoesNotApplyToManualRequest"/>.</summary>
    public static string PauseDoesNotApplyToManualRequest(PauseDocument pause, string? requestedBy)
    {
        ArgumentNullException.ThrowIfNull(pause);
        return $"Automatic failover is paused by {pause.PausedBy} until {Time(pause.ExpiresAt)} ({pause.Reason}); "
            + $"this manual request by {requestedBy ?? "an operator"} acts regardless.";
    }
    /// <summary><see cref="ReasonCode.ExtraSignalsNotCounted"/>.</summary>
    public static string ExtraSignalsNotCounted(int total, int inAlarm, int unknown) =>
        $"{Count(total, "extra signal", "extra signals")} ({inAlarm} in ALARM, {unknown} unknown) reported as evidence only: "
        + "they say whether a dependency is healthy, not whether a Region is down, so they never count toward the quorum.";
}
