using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Tests.Support;
using DrLambdas.Shared.Triggers;
using static DrLambdas.Shared.Decisions.ReasonCode;
using static DrLambdas.Shared.Tests.Decisions.DecisionRuleCases;
using static DrLambdas.Shared.Tests.Support.Scenario;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

using PauseModel = DrLambdas.Shared.Pause;

namespace DrLambdas.Shared.Tests.Decisions;

/// <summary>Every sentence an operator reads, verbatim, with one piece of the evidence it rests on.</summary>
public class ReasonTextTests
{
    private sealed record TextCase(Func<Scenario> Arrange, ReasonCode Code, string Message, string? EvidenceItem = null);

    private const string Earlier = "arn:aws:states:ap-northeast-1:111122223333:execution:failover:earlier";
    private const string Last = "arn:aws:states:ap-northeast-1:111122223333:execution:failover:last";

    private static readonly Dictionary<string, TextCase> Cases = new()
    {
        ["alarm back to OK"] = new(
            () => PrimaryOutage() with { Trigger = Trigger.FromAlarm(PrimaryAlarm, AlarmState.Ok, AlarmState.Alarm, "recovered", Nrt, T0) },
            AlarmNotInAlarmState, "Alarm app-tpe-down changed to OK, not ALARM: nothing to do.", "alarm:app-tpe-down OK: recovered"),
        ["alarm with insufficient data"] = new(
            () => PrimaryOutage() with { Trigger = Trigger.FromAlarm(PrimaryAlarm, AlarmState.InsufficientData, AlarmState.Ok, null, Nrt, T0) },
            AlarmNotInAlarmState, "Alarm app-tpe-down changed to INSUFFICIENT_DATA, not ALARM: nothing to do."),
        ["unmanaged alarm"] = new(
            () => PrimaryOutage() with { Trigger = Trigger.FromAlarm("disk-full", AlarmState.Alarm, null, null, Nrt, T0) },
            AlarmNotManaged, "Alarm disk-full is not listed in DR_ALARM_NAMES, DR_SECONDARY_ALARM_NAMES, DR_PRIMARY_HEALTH_CHECK_ALARM_NAME or DR_SECONDARY_HEALTH_CHECK_ALARM_NAME: nothing to do.", "alarm:disk-full ALARM: "),
        ["unmanaged target Region"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, "eu-west-1") },
            TargetRegionInvalid, "Target Region eu-west-1 is not managed here (primary ap-east-2, secondary ap-northeast-1): refusing to act."),
        ["failback to the secondary"] = new(
            () => AfterFailover() with { Trigger = Manual(TriggerMode.Failback, Nrt) },
            TargetRegionInvalid, "Failback returns to the primary Region ap-east-2, but the requested target is ap-northeast-1: refusing to act."),
        ["earlier execution running"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Running("earlier", T0.AddSeconds(-3))] },
            DeferredToEarlierExecution, $"Execution {Earlier}, started 2026-11-25T23:59:57Z, is still running and acts first: this execution does nothing.",
            $"execution:{Earlier} Running, started 2026-11-25T23:59:57Z, decision unknown"),
        ["global operation under way"] = new(
            () => PrimaryOutage() with { GlobalCluster = Cluster(writer: Tpe) with { OperationInProgress = new GlobalOperation("failing-over", TpeArn, NrtArn, true) } },
            GlobalOperationInProgress, "Aurora reports a global operation (failing-over) already under way that no running execution started: not starting another; find out who started it.",
            $"global-operation: failing-over {TpeArn} → {NrtArn} with data loss allowed"),
        ["partition"] = new(
            Partition, PartitionSuspected,
            "Only observers in ap-northeast-1 see ap-east-2 down; no observer outside ap-northeast-1 does. That is what a network partition between the Regions looks like: not moving the writer (force does not override this).",
            "route53:route53-global→ap-east-2 healthy: 3 of 3 checkers failing"),
        ["primary down"] = new(
            PrimaryOutage, PrimaryDownByQuorum,
            "ap-east-2 is down: 4 signal kinds agree (Probe, Route53HealthCheck, Alarm, DatabaseEndpoint), quorum 2, confirmed by an observer outside ap-northeast-1.",
            "probe:ap-northeast-1→ap-east-2 unhealthy: connection timed out"),
        ["primary not down: one kind"] = new(
            () => Calm().WithSignals(TokyoHealthy(), [Signal(SignalKind.Route53HealthCheck, Tpe, Global, Verdict.Unhealthy, "1 of 3 checkers failing")]),
            PrimaryNotDownByQuorum, "ap-east-2 is not proven down: 1 signal kind agrees (Route53HealthCheck) but the quorum is 2.",
            "route53:route53-global→ap-east-2 unhealthy: 1 of 3 checkers failing"),
        ["primary not down: no kinds"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.Failover, Nrt) },
            PrimaryNotDownByQuorum, "ap-east-2 is not proven down: 0 signal kinds agree (none) but the quorum is 2."),
        ["primary not down: no outside observer"] = new(
            () => Calm().WithSignals(TokyoHealthy(),
            [
                Signal(SignalKind.Probe, Tpe, Nrt, Verdict.Unhealthy),
                Signal(SignalKind.Alarm, Tpe, Nrt, Verdict.Unhealthy),
                Signal(SignalKind.Route53HealthCheck, Tpe, Global, Verdict.Unhealthy),
                Signal(SignalKind.Route53HealthCheck, Tpe, "route53-eu", Verdict.Healthy),
                Signal(SignalKind.Route53HealthCheck, Tpe, "route53-us", Verdict.Healthy),
            ]),
            PrimaryNotDownByQuorum, "ap-east-2 is not proven down: the signal kinds that agree rest only on observers in ap-northeast-1; an observer outside it must agree too."),
        ["secondary down"] = new(
            SecondaryOutage, SecondaryDownByQuorum,
            "ap-northeast-1 is down: 4 signal kinds agree (Probe, Route53HealthCheck, Alarm, DatabaseEndpoint), quorum 2, confirmed by an observer outside ap-northeast-1."),
        ["secondary not down"] = new(
            () => SecondaryOutage().WithSignals(TaiwanHealthy(), TokyoHealthy()),
            SecondaryNotDownByQuorum, "ap-northeast-1 is not proven down: 0 signal kinds agree (none) but the quorum is 2.",
            "probe:ap-northeast-1→ap-northeast-1 healthy: UP"),
        ["target healthy"] = new(
            PrimaryOutage, TargetHealthy,
            "Target Region ap-northeast-1 is healthy: a probe sees it up, no observer sees it failing, and its cluster is available.",
            $"cluster:{NrtArn} in ap-northeast-1: reader, available, connected"),
        ["target unhealthy: probe failing"] = new(
            () => PrimaryOutage().Replacing(SignalKind.Probe, Nrt, Verdict.Unhealthy),
            TargetUnhealthy, "Target Region ap-northeast-1 is not healthy (no probe sees it up; 1 observation sees it failing): never move traffic into a sick Region.",
            "probe:ap-northeast-1→ap-northeast-1 unhealthy: UP"),
        ["target unhealthy: cluster modifying, two failing"] = new(
            () => PrimaryOutage().Replacing(SignalKind.Route53HealthCheck, Nrt, Verdict.Unhealthy).Replacing(SignalKind.DatabaseEndpoint, Nrt, Verdict.Unhealthy)
                with { GlobalCluster = Cluster(writer: Tpe, readerStatus: "modifying") },
            TargetUnhealthy, "Target Region ap-northeast-1 is not healthy (2 observations see it failing; its cluster is modifying): never move traffic into a sick Region."),
        ["target unhealthy: no cluster"] = new(
            () => PrimaryOutage() with { GlobalCluster = new GlobalClusterView("app-global", [], null) },
            TargetUnhealthy, "Target Region ap-northeast-1 is not healthy (ap-northeast-1 has no cluster in global database app-global): never move traffic into a sick Region."),
        ["converged after failover"] = new(
            () => AfterFailover().WithSignals(PrimaryDown(), TokyoHealthy()),
            AlreadyConverged, "ap-northeast-1 is already the writer and ap-east-2 receives no traffic: nothing to change.",
            "weight:tpe (ap-east-2) = 0"),
        ["converged failback"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.Failback) },
            AlreadyConverged, "ap-east-2 is already the writer: the failback switchover is done; traffic follows the failback plan."),
        ["converged drain"] = new(
            () => SecondaryOutage() with { CurrentWeights = [new RecordWeight("tpe", Tpe, 100), new RecordWeight("nrt", Nrt, 0)] },
            AlreadyConverged, "ap-northeast-1 already receives no traffic: nothing to change.", "weight:nrt (ap-northeast-1) = 0"),
        ["target already writer"] = new(
            () => AfterFailover().WithSignals(PrimaryDown(), TokyoHealthy()) with { CurrentWeights = [new RecordWeight("tpe", Tpe, 70), new RecordWeight("nrt", Nrt, 30)] },
            TargetAlreadyWriter, "ap-northeast-1 is already the writer but ap-east-2 still has weight 70: only DNS needs to change.",
            $"cluster:{NrtArn} in ap-northeast-1: writer, available, synchronisation unknown"),
        ["drain region is writer"] = new(
            () => SecondaryOutage() with { GlobalCluster = Cluster(writer: Nrt) },
            DrainRegionIsWriter, "ap-northeast-1 holds the Aurora writer, so draining it is not a DNS-only change: a human must decide."),
        ["cooldown"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Finished("last", TimeSpan.FromMinutes(10), DecisionAction.Failover)] },
            CooldownActive, $"The last failover (execution {Last}, 2026-11-25T23:50:00Z) is within the 30 min cooldown: no automatic failover before 2026-11-26T00:20:00Z.",
            $"execution:{Last} Succeeded, started 2026-11-25T23:45:00Z, stopped 2026-11-25T23:50:00Z, decided Failover"),
        ["database synchronised"] = new(
            AppDownDatabaseUp, DatabaseSynchronised,
            "The writer in ap-east-2 is reachable and ap-northeast-1 is synchronised: switching over with no data loss (RPO 0).",
            $"cluster:{TpeArn} in ap-east-2: writer, available, synchronisation unknown"),
        ["database unreachable"] = new(
            PrimaryOutage, DatabaseNotSynchronised,
            "A switchover is not possible: 1 database endpoint check cannot reach ap-east-2.",
            "database:ap-northeast-1→ap-east-2 unhealthy: connect timeout"),
        ["database: writer elsewhere, target resyncing"] = new(
            () => AppDownDatabaseUp() with { GlobalCluster = Cluster(writer: null, nrtSync: SynchronisationStatus.PendingResync) },
            DatabaseNotSynchronised, "A switchover is not possible: no writer is reported; ap-northeast-1 is not synchronised (PendingResync).",
            $"cluster:{NrtArn} in ap-northeast-1: reader, available, pending-resync"),
        ["database: writer not available"] = new(
            () => AppDownDatabaseUp() with { GlobalCluster = Cluster(writer: Tpe, writerStatus: "failing-over") },
            DatabaseNotSynchronised, "A switchover is not possible: the writer in ap-east-2 is failing-over."),
        ["database: writer in target"] = new(
            () => AfterFailover() with { Trigger = Manual(TriggerMode.Switchover, Nrt), GlobalCluster = Cluster(writer: Tpe, nrtSync: SynchronisationStatus.Unknown) },
            DatabaseNotSynchronised, "A switchover is not possible: ap-northeast-1 is not synchronised (Unknown)."),
        ["database: no writer reported"] = new(
            () => AfterFailover() with
            {
                Trigger = Manual(TriggerMode.Failback),
                GlobalCluster = new GlobalClusterView("app-global", [new ClusterMember(TpeArn, Tpe, false, "available", SynchronisationStatus.Connected)], null),
            },
            DatabaseNotSynchronised, "A switchover is not possible: no writer is reported."),
        ["switchover required: failback"] = new(
            () => AfterFailover() with { Trigger = Manual(TriggerMode.Failback), GlobalCluster = Cluster(writer: Nrt, tpeSync: SynchronisationStatus.PendingResync) },
            SwitchoverRequired, "Failback only switches over (RPO 0) and a switchover is not possible now: wait until the database is synchronised, then retry."),
        ["switchover required: switchover"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.Switchover, Nrt), GlobalCluster = Cluster(writer: Tpe, nrtSync: SynchronisationStatus.PendingResync) },
            SwitchoverRequired, "A switchover was requested and is not possible now: retry once the database is synchronised, or request mode failover to accept data loss."),
        ["data loss within budget"] = new(
            PrimaryOutage, DataLossWithinBudget,
            "Failing over with data loss: the last measured RPO lag of 0.8 s is within the 5 s budget.", "rpo-lag: 0.8 s measured 2026-11-26T00:00:00Z"),
        ["data loss beyond budget"] = new(
            () => PrimaryOutage() with { Replication = new ReplicationStatus(TimeSpan.FromMilliseconds(12_345), T0) },
            DataLossBeyondBudget, "The last measured RPO lag of 12.345 s exceeds the 5 s data-loss budget: a human must decide (a manual failover with force accepts the loss).",
            "rpo-lag: 12.345 s measured 2026-11-26T00:00:00Z"),
        ["lag stale"] = new(
            () => PrimaryOutage() with { Replication = new ReplicationStatus(TimeSpan.FromSeconds(0.8), T0.AddMinutes(-3)) },
            ReplicationLagStale, "The newest AuroraGlobalDBRPOLag measurement (2026-11-25T23:57:00Z) is older than 120 s, so the data loss cannot be estimated: a human must decide (a manual failover with force accepts the unknown loss).",
            "rpo-lag: 0.8 s measured 2026-11-25T23:57:00Z"),
        ["lag of unknown age"] = new(
            () => PrimaryOutage() with { Replication = new ReplicationStatus(TimeSpan.FromSeconds(0.8), null) },
            ReplicationLagStale, "The AuroraGlobalDBRPOLag measurement has no time, so the data loss cannot be estimated: a human must decide (a manual failover with force accepts the unknown loss).",
            "rpo-lag: 0.8 s (measurement time unknown)"),
        ["target pending resync"] = new(
            () => AppDownDatabaseUp() with { GlobalCluster = Cluster(writer: Tpe, nrtSync: SynchronisationStatus.PendingResync) },
            TargetPendingResync, "ap-northeast-1 is pending-resync: it is not replicating, so no RPO lag describes what it misses and the data loss cannot be estimated: a human must decide (a manual failover with force accepts the unknown loss).",
            $"cluster:{NrtArn} in ap-northeast-1: reader, available, pending-resync"),
        ["counter-vote"] = new(
            ProbeCounterVotes, HealthyProbeCounterVote,
            "A probe from ap-northeast-1 sees ap-east-2 up: it still serves the Region that would take over, so no vote of other signals turns this into a failover that loses data (force does not override this). A switchover becomes possible once the database is reachable and synchronised; a human must decide.",
            "probe:ap-northeast-1→ap-east-2 healthy: connection timed out"),
        ["executions unknown"] = new(
            () => PrimaryOutage() with { RecentExecutions = null },
            ExecutionHistoryUnknown, "The failover state machine's executions could not be read, so another execution may be moving the writer now or may just have moved it: not moving it again (force does not override this); a human must decide.",
            "executions: unreadable"),
        ["weights unknown after a writer move"] = new(
            () => AfterFailover().WithSignals(PrimaryDown(), TokyoHealthy()) with { CurrentWeights = null },
            WeightsUnknown, "ap-northeast-1 is already the writer, but the weighted records could not be read: moving traffic off ap-east-2 in DNS, which reads the records itself and changes them only if they still are what it read.",
            "weights: unreadable"),
        ["weights unknown for a drain"] = new(
            () => SecondaryOutage() with { CurrentWeights = null },
            WeightsUnknown, "The weighted records could not be read, so whether ap-northeast-1 still receives traffic is unknown: draining it in DNS, which reads the records itself and changes them only if they still are what it read.",
            "weights: unreadable"),
        ["target unhealthy: no Route 53 verdict"] = new(
            () => PrimaryOutage().WithRoute53().Without(SignalKind.Route53HealthCheck, Nrt),
            TargetUnhealthy, "Target Region ap-northeast-1 is not healthy (Route 53 watches it but has no healthy verdict): never move traffic into a sick Region."),
        ["lag unknown"] = new(
            () => PrimaryOutage() with { Replication = ReplicationStatus.Unknown },
            ReplicationLagUnknown, "No AuroraGlobalDBRPOLag measurement is available, so the data loss cannot be estimated: a human must decide (a manual failover with force accepts the unknown loss).",
            "rpo-lag: no measurement"),
        ["forced budget"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true), Replication = new ReplicationStatus(TimeSpan.FromSeconds(12), T0) },
            ForcedOverride, "The data-loss budget gate was overridden by force, requested by alice.", "trigger:force requested by alice"),
        ["forced quorum"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true) },
            ForcedOverride, "The quorum gate was overridden by force, requested by alice."),
        ["forced cooldown"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true), RecentExecutions = [Finished("last", TimeSpan.FromMinutes(10), DecisionAction.Failover)] },
            ForcedOverride, "The cooldown gate was overridden by force, requested by alice."),
        ["forced measurement"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true), Replication = ReplicationStatus.Unknown },
            ForcedOverride, "The data-loss measurement gate was overridden by force, requested by alice."),
        ["dry run"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.DryRun) },
            DryRun, "Dry run requested by alice: this is what would happen; nothing will be changed."),
        ["automatic failover paused"] = new(
            () => PrimaryOutage() with { Pause = PausedByAlice(PrimaryOutage().Now) },
            AutomaticFailoverPaused,
            "Automatic failover is paused by arn:aws:iam::111122223333:user/alice since 2026-11-25T23:00:00Z until 2026-11-26T01:00:00Z: "
            + "database upgrade. Nothing is changed; a manual request (drctl failover/switchover) still acts, and Route 53 still moves traffic away "
            + "from a Region its health checks see failing.",
            "pause:/drlambdas/dr/pause active: paused by arn:aws:iam::111122223333:user/alice at 2026-11-25T23:00:00Z until 2026-11-26T01:00:00Z: database upgrade"),
        ["pause unreadable"] = new(
            () => PrimaryOutage() with { Pause = PauseModel.PauseState.Unreadable("/drlambdas/dr/pause", "AwsServiceException: AccessDeniedException") },
            PauseStateUnknown,
            "Cannot tell whether automatic failover is paused: the pause parameter /drlambdas/dr/pause could not be read "
            + "(AwsServiceException: AccessDeniedException). An operator decides; nothing is changed automatically.",
            "pause:/drlambdas/dr/pause unreadable: AwsServiceException: AccessDeniedException"),
        ["manual request during a pause"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover), Pause = PausedByAlice(PrimaryOutage().Now) },
            PauseDoesNotApplyToManualRequest,
            "Automatic failover is paused by arn:aws:iam::111122223333:user/alice until 2026-11-26T01:00:00Z (database upgrade); "
            + "this manual request by alice acts regardless."),
        ["extra signals"] = new(
            () => PrimaryOutage() with
            {
                ExtraSignals =
                [
                    new ExtraSignalReading("msk-replication-lag", "orders-mm2-lag", Tpe, Verdict.Unhealthy, "alarm orders-mm2-lag ALARM", T0),
                    new ExtraSignalReading("db-connection-pool", "orders-db-pool", Nrt, Verdict.Healthy, "alarm orders-db-pool OK", T0),
                ],
            },
            ExtraSignalsNotCounted,
            "2 extra signals (1 in ALARM, 0 unknown) reported as evidence only: they say whether a dependency is healthy, not whether a Region is down, so they never count toward the quorum.",
            "extra:msk-replication-lag:orders-mm2-lag→ap-east-2 unhealthy: alarm orders-mm2-lag ALARM"),
        ["dry run without requester"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.DryRun) with { RequestedBy = null } },
            DryRun, "Dry run requested by an unnamed operator: this is what would happen; nothing will be changed."),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    private static PauseModel.PauseState PausedByAlice(DateTimeOffset now) => PauseModel.PauseState.Of(
        "/drlambdas/dr/pause",
        new PauseModel.PauseDocument("arn:aws:iam::111122223333:user/alice", "database upgrade", T0.AddHours(-1), T0.AddHours(1)).ToJson(),
        now);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Decide_ReasonTextTable_MessageIsExact(string caseName)
    {
        var text = Cases[caseName];

        var reason = Assert.Single(text.Arrange().Decide().Reasons, reason => reason.Code == text.Code);

        Assert.Equal(text.Message, reason.Message);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Decide_ReasonTextTable_EvidenceNamesTheObservation(string caseName)
    {
        var text = Cases[caseName];

        var reason = Assert.Single(text.Arrange().Decide().Reasons, reason => reason.Code == text.Code);

        if (text.EvidenceItem is null)
        {
            Assert.All(reason.Evidence, item => Assert.False(string.IsNullOrWhiteSpace(item)));
        }
        else
        {
            Assert.Contains(text.EvidenceItem, reason.Evidence);
        }
    }

    [Fact]
    public void ReasonTextTable_CoversEveryReasonCode()
    {
        var covered = Cases.Values.Select(text => text.Code).ToHashSet();

        var missing = Enum.GetValues<ReasonCode>().Except(covered).ToList();

        Assert.True(missing.Count == 0, $"Reason codes without a text case: {string.Join(", ", missing)}");
    }
}
