using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Tests.Support;
using DrLambdas.Shared.Triggers;
using static DrLambdas.Shared.Decisions.ReasonCode;
using static DrLambdas.Shared.Tests.Support.Scenario;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Decisions;

/// <summary>One row of the rule table: a scenario, the action it must lead to and the reasons, in order.</summary>
internal sealed record RuleCase(Func<Scenario> Arrange, DecisionAction Action, ReasonCode[] Codes);

/// <summary>Every decision rule of README.md ("Decision rules") as scenarios.</summary>
internal static class DecisionRuleCases
{
    private static readonly ReasonCode[] DownAndTargetHealthy = [PrimaryDownByQuorum, TargetHealthy];

    public static RecentExecution Finished(string id, TimeSpan ago, DecisionAction? action, ExecutionStatus status = ExecutionStatus.Succeeded, bool? promoted = null) =>
        new($"arn:aws:states:ap-northeast-1:111122223333:execution:failover:{id}", T0 - ago - TimeSpan.FromMinutes(5), status, T0 - ago, action, promoted);

    public const string HealthCheckAlarm = "drlambdas-primary-health-check";

    /// <summary>The reference setup with Route 53 health checks and the us-east-1 health-check alarms configured.</summary>
    public static Scenario WithRoute53(this Scenario scenario) => scenario with
    {
        Configuration = TestEnvironment.Configuration(env =>
        {
            env[Support.TestEnvironment.PrimaryHealthCheckIdVariable] = "0d7a1b2c-3e4f-4a5b-8c6d-000000000001";
            env[Support.TestEnvironment.SecondaryHealthCheckIdVariable] = "0d7a1b2c-3e4f-4a5b-8c6d-000000000002";
            env[Support.TestEnvironment.PrimaryHealthCheckAlarmVariable] = HealthCheckAlarm;
        }),
    };

    /// <summary>Taiwan down by Route 53 and its DB endpoint, yet Tokyo's probe reaches its app.</summary>
    public static Scenario ProbeCounterVotes() => PrimaryOutage().Replacing(SignalKind.Probe, Tpe, Verdict.Healthy);

    public static RecentExecution Running(string id, DateTimeOffset startedAt) =>
        new($"arn:aws:states:ap-northeast-1:111122223333:execution:failover:{id}", startedAt, ExecutionStatus.Running, null, null);

    /// <summary>The primary app and alarm are down, but its database is reachable.</summary>
    public static Scenario AppDownDatabaseUp() => PrimaryOutage().Replacing(SignalKind.DatabaseEndpoint, Tpe, Verdict.Healthy);

    /// <summary>Only Tokyo's own observers see Taiwan down; Route 53's checkers see it up.</summary>
    public static Scenario Partition() => PrimaryOutage().Replacing(SignalKind.Route53HealthCheck, Tpe, Verdict.Healthy);

    /// <summary>The third Region whose scheduled probes are an outside observer.</summary>
    public const string Witness = "us-west-2";

    /// <summary>
    /// Taiwan's app and database unreachable from Tokyo (its own probe, its probe metric, its database endpoint) while
    /// Route 53's checkers still see it healthy; the witness's probe metric says <paramref name="witness"/>.
    /// </summary>
    public static Scenario ProbesSeeThePrimaryDown(Verdict witness, Verdict route53 = Verdict.Healthy) => PrimaryOutage().WithSignals(TokyoHealthy(),
    [
        Signal(SignalKind.Probe, Tpe, Nrt, Verdict.Unhealthy, "3 of 3 attempts failed; last: connection timed out"),
        Signal(SignalKind.Probe, Tpe, Nrt, Verdict.Unhealthy, "EndpointHealthy 0 of 6 probes healthy in 30 s"),
        Signal(SignalKind.Probe, Tpe, Witness, witness, "EndpointHealthy from the witness"),
        Signal(SignalKind.Route53HealthCheck, Tpe, Global, route53, "Route 53 checkers"),
        Signal(SignalKind.DatabaseEndpoint, Tpe, Nrt, Verdict.Unhealthy, "connect timeout"),
    ]);

    /// <summary>Taiwan answers some probes and not others; Route 53 and the database endpoint see it healthy.</summary>
    public static Scenario GrayFailure() => PrimaryOutage().WithSignals(TokyoHealthy(),
    [
        Signal(SignalKind.Probe, Tpe, Nrt, Verdict.Healthy, "HTTP 200, status UP on attempt 2 of 3"),
        Signal(SignalKind.Probe, Tpe, Nrt, Verdict.Unhealthy, "EndpointHealthy 2 of 6 probes healthy in 30 s"),
        Signal(SignalKind.Probe, Tpe, Witness, Verdict.Unhealthy, "EndpointHealthy 2 of 6 probes healthy in 30 s"),
        Signal(SignalKind.Route53HealthCheck, Tpe, Global, Verdict.Healthy, "15 of 15 checkers healthy"),
        Signal(SignalKind.DatabaseEndpoint, Tpe, Nrt, Verdict.Healthy, "connected"),
    ]);

    public static readonly IReadOnlyDictionary<string, RuleCase> Cases = new Dictionary<string, RuleCase>
    {
        // Holistic detection and failover within the data-loss budget.
        ["primary outage, lag within budget → failover"] = new(PrimaryOutage, DecisionAction.Failover,
            [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["primary app down, database reachable and synchronised → switchover"] = new(AppDownDatabaseUp, DecisionAction.Switchover,
            [.. DownAndTargetHealthy, DatabaseSynchronised]),
        ["primary outage, lag beyond budget → escalate"] = new(
            () => PrimaryOutage() with { Replication = new ReplicationStatus(TimeSpan.FromSeconds(12), T0) },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossBeyondBudget]),
        ["primary outage, lag exactly at budget → failover"] = new(
            () => PrimaryOutage() with { Replication = new ReplicationStatus(TimeSpan.FromSeconds(5), T0) },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["primary outage, lag unmeasured → escalate"] = new(
            () => PrimaryOutage() with { Replication = ReplicationStatus.Unknown },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, DatabaseNotSynchronised, ReplicationLagUnknown]),
        ["primary writer not available → failover"] = new(
            () => AppDownDatabaseUp() with { GlobalCluster = Cluster(writer: Tpe, writerStatus: "inaccessible-encryption-credentials") },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["target pending resync → escalate: its lag is unknown"] = new(
            () => AppDownDatabaseUp() with { GlobalCluster = Cluster(writer: Tpe, nrtSync: SynchronisationStatus.PendingResync) },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, DatabaseNotSynchronised, TargetPendingResync]),
        ["target pending resync, forced → forced failover"] = new(
            () => AppDownDatabaseUp() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true), GlobalCluster = Cluster(writer: Tpe, nrtSync: SynchronisationStatus.PendingResync) },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, TargetPendingResync, ForcedOverride]),
        ["lag measured 121 s ago → escalate: stale"] = new(
            () => PrimaryOutage() with { Replication = new ReplicationStatus(TimeSpan.FromSeconds(0.8), T0.AddSeconds(-116)) },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, DatabaseNotSynchronised, ReplicationLagStale]),
        ["lag measured 120 s ago → failover"] = new(
            () => PrimaryOutage() with { Replication = new ReplicationStatus(TimeSpan.FromSeconds(0.8), T0.AddSeconds(-115)) },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["lag of unknown age → escalate: stale"] = new(
            () => PrimaryOutage() with { Replication = new ReplicationStatus(TimeSpan.FromSeconds(0.8), null) },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, DatabaseNotSynchronised, ReplicationLagStale]),

        // The counter-vote: a healthy recovery-Region probe of the Region being left.
        ["recovery probe sees the primary up, database unreachable → escalate"] = new(ProbeCounterVotes, DecisionAction.Escalate,
            [.. DownAndTargetHealthy, DatabaseNotSynchronised, HealthyProbeCounterVote]),
        ["recovery probe sees the primary up, forced failover → escalate"] = new(
            () => ProbeCounterVotes() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true) },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, DatabaseNotSynchronised, HealthyProbeCounterVote]),
        ["recovery probe sees the primary up, database synchronised → switchover"] = new(
            () => AppDownDatabaseUp().Replacing(SignalKind.Probe, Tpe, Verdict.Healthy),
            DecisionAction.Switchover, [.. DownAndTargetHealthy, DatabaseSynchronised]),
        ["only a probe outside the recovery Region sees the primary up → failover"] = new(
            () => PrimaryOutage().WithSignals(PrimaryDown(), TokyoHealthy(), [Signal(SignalKind.Probe, Tpe, "eu-west-1", Verdict.Healthy)]),
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),

        // Route 53 and the alarm on its metric are one source.
        ["health-check alarm of the primary → managed, failover"] = new(
            () => PrimaryOutage().WithRoute53() with { Trigger = Trigger.FromAlarm(HealthCheckAlarm, AlarmState.Alarm, AlarmState.Ok, "Threshold Crossed", "us-east-1", T0) },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["Route 53 and its alarm alone are one kind → none"] = new(
            () => Calm().WithSignals(TokyoHealthy(),
            [
                Signal(SignalKind.Route53HealthCheck, Tpe, Global, Verdict.Unhealthy, "0 of 8 checkers healthy"),
                Signal(SignalKind.Route53HealthCheck, Tpe, Global, Verdict.Unhealthy, "alarm drlambdas-primary-health-check ALARM"),
            ]),
            DecisionAction.None, [PrimaryNotDownByQuorum]),
        ["target watched by Route 53 without a verdict → abort"] = new(
            () => PrimaryOutage().WithRoute53().Without(SignalKind.Route53HealthCheck, Nrt),
            DecisionAction.Abort, [PrimaryDownByQuorum, TargetUnhealthy]),
        ["target not watched by Route 53, no verdict → failover"] = new(
            () => PrimaryOutage().Without(SignalKind.Route53HealthCheck, Nrt),
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),

        // Unknown is an input, not a guess.
        ["executions unreadable → escalate"] = new(
            () => PrimaryOutage() with { RecentExecutions = null },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, ExecutionHistoryUnknown]),
        ["executions unreadable, forced failover → escalate"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true), RecentExecutions = null },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, ExecutionHistoryUnknown]),
        ["executions unreadable, primary healthy → none"] = new(
            () => Calm() with { RecentExecutions = null },
            DecisionAction.None, [PrimaryNotDownByQuorum]),
        ["executions unreadable, secondary outage → drain (DNS only, convergent)"] = new(
            () => SecondaryOutage() with { RecentExecutions = null },
            DecisionAction.DrainSecondary, [SecondaryDownByQuorum, TargetHealthy]),
        ["weights unreadable, target already writer → drain"] = new(
            () => AfterFailover().WithSignals(PrimaryDown(), TokyoHealthy()) with { CurrentWeights = null },
            DecisionAction.DrainSecondary, [.. DownAndTargetHealthy, WeightsUnknown]),
        ["weights unreadable, secondary outage → drain"] = new(
            () => SecondaryOutage() with { CurrentWeights = null },
            DecisionAction.DrainSecondary, [SecondaryDownByQuorum, TargetHealthy, WeightsUnknown]),
        ["weights unreadable, primary outage → failover"] = new(
            () => PrimaryOutage() with { CurrentWeights = null },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),

        // Force overrides the budget, the measurement, the cooldown and the quorum, and is recorded.
        ["manual forced failover beyond budget → forced failover"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true), Replication = new ReplicationStatus(TimeSpan.FromSeconds(12), T0) },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossBeyondBudget, ForcedOverride]),
        ["manual forced failover with unmeasured lag → forced failover"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true), Replication = ReplicationStatus.Unknown },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, ReplicationLagUnknown, ForcedOverride]),
        ["manual failover beyond budget without force → escalate"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, Nrt), Replication = new ReplicationStatus(TimeSpan.FromSeconds(12), T0) },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossBeyondBudget]),
        ["manual failover without quorum → escalate"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.Failover, Nrt) },
            DecisionAction.Escalate, [PrimaryNotDownByQuorum]),
        ["manual forced failover without quorum, database synchronised → forced switchover"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true) },
            DecisionAction.Switchover, [PrimaryNotDownByQuorum, ForcedOverride, TargetHealthy, DatabaseSynchronised]),
        ["manual forced failover inside the cooldown → forced failover"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true), RecentExecutions = [Finished("last", TimeSpan.FromMinutes(10), DecisionAction.Failover)] },
            DecisionAction.Failover, [.. DownAndTargetHealthy, CooldownActive, ForcedOverride, DatabaseNotSynchronised, DataLossWithinBudget]),

        // Partitions and quorum.
        ["only recovery-Region observers see the primary down → none"] = new(Partition, DecisionAction.None, [PartitionSuspected]),
        ["partition with a forced manual failover → escalate"] = new(
            () => Partition() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true) },
            DecisionAction.Escalate, [PartitionSuspected]),
        ["partition with a manual switchover → escalate"] = new(
            () => Partition() with { Trigger = Manual(TriggerMode.Switchover, Nrt) },
            DecisionAction.Escalate, [PartitionSuspected]),
        ["one signal kind below quorum 2 → none"] = new(
            () => Calm().WithSignals(TokyoHealthy(), [Signal(SignalKind.Route53HealthCheck, Tpe, Global, Verdict.Unhealthy)]),
            DecisionAction.None, [PrimaryNotDownByQuorum]),
        ["quorum reached only by recovery-Region kinds → none"] = new(
            () => Calm().WithSignals(TokyoHealthy(),
            [
                Signal(SignalKind.Probe, Tpe, Nrt, Verdict.Unhealthy),
                Signal(SignalKind.Alarm, Tpe, Nrt, Verdict.Unhealthy),
                Signal(SignalKind.Route53HealthCheck, Tpe, Global, Verdict.Unhealthy),
                Signal(SignalKind.Route53HealthCheck, Tpe, "route53-eu", Verdict.Healthy),
                Signal(SignalKind.Route53HealthCheck, Tpe, "route53-us", Verdict.Healthy),
            ]),
            DecisionAction.None, [PrimaryNotDownByQuorum]),
        ["quorum 1 and an outside observer → acts"] = new(
            () => Calm().WithPolicy(policy => policy with { Quorum = 1 })
                .WithSignals(TokyoHealthy(), [Signal(SignalKind.Route53HealthCheck, Tpe, Global, Verdict.Unhealthy), Signal(SignalKind.DatabaseEndpoint, Tpe, Nrt, Verdict.Healthy)]),
            DecisionAction.Switchover, [.. DownAndTargetHealthy, DatabaseSynchronised]),
        ["quorum 4 with three kinds → none"] = new(
            () => PrimaryOutage().WithPolicy(policy => policy with { Quorum = 4 }).Without(SignalKind.Alarm, Tpe),
            DecisionAction.None, [PrimaryNotDownByQuorum]),

        // Probes from the recovery and witness Regions: one kind; the witness is an outside observer.
        ["witness and recovery probes agree, Route 53 not yet → failover"] = new(
            () => ProbesSeeThePrimaryDown(witness: Verdict.Unhealthy),
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["recovery Region alone, witness silent → partition suspected, none"] = new(
            () => ProbesSeeThePrimaryDown(witness: Verdict.Unknown),
            DecisionAction.None, [PartitionSuspected]),
        ["recovery Region alone, witness sees the primary up → partition suspected, none"] = new(
            () => ProbesSeeThePrimaryDown(witness: Verdict.Healthy),
            DecisionAction.None, [PartitionSuspected]),
        ["witness unreachable, Route 53 sees the primary down → failover"] = new(
            () => ProbesSeeThePrimaryDown(witness: Verdict.Unknown, route53: Verdict.Unhealthy),
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["probes alone, however many observers, are one kind → none"] = new(
            () => ProbesSeeThePrimaryDown(witness: Verdict.Unhealthy).Replacing(SignalKind.DatabaseEndpoint, Tpe, Verdict.Healthy),
            DecisionAction.None, [PrimaryNotDownByQuorum]),
        ["gray failure: intermittent probe failures, Route 53 healthy → none"] = new(
            GrayFailure, DecisionAction.None, [PrimaryNotDownByQuorum]),

        // Never into a sick Region.
        ["target probe unhealthy → abort"] = new(
            () => PrimaryOutage().Replacing(SignalKind.Probe, Nrt, Verdict.Unhealthy),
            DecisionAction.Abort, [PrimaryDownByQuorum, TargetUnhealthy]),
        ["target probe unknown → abort"] = new(
            () => PrimaryOutage().Replacing(SignalKind.Probe, Nrt, Verdict.Unknown),
            DecisionAction.Abort, [PrimaryDownByQuorum, TargetUnhealthy]),
        ["target Route 53 check unhealthy → abort"] = new(
            () => PrimaryOutage().Replacing(SignalKind.Route53HealthCheck, Nrt, Verdict.Unhealthy),
            DecisionAction.Abort, [PrimaryDownByQuorum, TargetUnhealthy]),
        ["target cluster not available → abort"] = new(
            () => PrimaryOutage() with { GlobalCluster = Cluster(writer: Tpe, readerStatus: "modifying") },
            DecisionAction.Abort, [PrimaryDownByQuorum, TargetUnhealthy]),
        ["target cluster missing from the global database → abort"] = new(
            () => PrimaryOutage() with { GlobalCluster = new GlobalClusterView("app-global", [], null) },
            DecisionAction.Abort, [PrimaryDownByQuorum, TargetUnhealthy]),
        ["forced failover into an unhealthy target → abort"] = new(
            () => PrimaryOutage().Replacing(SignalKind.Probe, Nrt, Verdict.Unhealthy) with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true) },
            DecisionAction.Abort, [PrimaryDownByQuorum, TargetUnhealthy]),

        // Convergence.
        ["target already writer, failed Region drained → none"] = new(
            () => AfterFailover().WithSignals(PrimaryDown(), TokyoHealthy()),
            DecisionAction.None, [.. DownAndTargetHealthy, AlreadyConverged]),
        ["target already writer, failed Region still weighted → drain"] = new(
            () => AfterFailover().WithSignals(PrimaryDown(), TokyoHealthy()) with { CurrentWeights = [new RecordWeight("tpe", Tpe, 70), new RecordWeight("nrt", Nrt, 30)] },
            DecisionAction.DrainSecondary, [.. DownAndTargetHealthy, TargetAlreadyWriter]),
        ["target already writer, failed Region has no record → none"] = new(
            () => AfterFailover().WithSignals(PrimaryDown(), TokyoHealthy()) with { CurrentWeights = [new RecordWeight("nrt", Nrt, 100)] },
            DecisionAction.None, [.. DownAndTargetHealthy, AlreadyConverged]),

        // Anti-flapping.
        ["failover 10 minutes ago → escalate"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Finished("last", TimeSpan.FromMinutes(10), DecisionAction.Failover)] },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, CooldownActive]),
        ["switchover 10 minutes ago → escalate"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Finished("last", TimeSpan.FromMinutes(10), DecisionAction.Switchover, ExecutionStatus.Failed)] },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, CooldownActive]),
        ["failed execution that promoted nothing 10 minutes ago → failover"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Finished("last", TimeSpan.FromMinutes(10), null, ExecutionStatus.Failed, promoted: false)] },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["aborted execution that promoted 10 minutes ago → escalate"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Finished("last", TimeSpan.FromMinutes(10), null, ExecutionStatus.Aborted, promoted: true)] },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, CooldownActive]),
        ["execution with unknown decision 10 minutes ago → escalate"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Finished("last", TimeSpan.FromMinutes(10), null)] },
            DecisionAction.Escalate, [.. DownAndTargetHealthy, CooldownActive]),
        ["failover 31 minutes ago → failover"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Finished("last", TimeSpan.FromMinutes(31), DecisionAction.Failover)] },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["execution that decided none 10 minutes ago → failover"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Finished("last", TimeSpan.FromMinutes(10), DecisionAction.None)] },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["zero cooldown → failover"] = new(
            () => PrimaryOutage().WithPolicy(policy => policy with { Cooldown = TimeSpan.Zero }) with { RecentExecutions = [Finished("last", TimeSpan.Zero, DecisionAction.Failover)] },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["earlier execution still running → none"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Running("earlier", T0.AddSeconds(-3))] },
            DecisionAction.None, [DeferredToEarlierExecution]),
        ["later execution running → acts"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Running("later", T0.AddSeconds(3))] },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["simultaneous execution with a smaller id → none"] = new(
            () => PrimaryOutage() with { RecentExecutions = [Running("a-first", T0)] },
            DecisionAction.None, [DeferredToEarlierExecution]),
        ["current execution listed as running → acts"] = new(
            () => PrimaryOutage() with { RecentExecutions = [new RecentExecution(CurrentId, T0, ExecutionStatus.Running, null, null)] },
            DecisionAction.Failover, [.. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["global operation under way → escalate"] = new(
            () => PrimaryOutage() with { GlobalCluster = Cluster(writer: Tpe) with { OperationInProgress = new GlobalOperation("failing-over", TpeArn, NrtArn, true) } },
            DecisionAction.Escalate, [GlobalOperationInProgress]),

        // Alarms.
        ["primary alarm back to OK → none"] = new(
            () => PrimaryOutage() with { Trigger = Trigger.FromAlarm(PrimaryAlarm, AlarmState.Ok, AlarmState.Alarm, "recovered", Nrt, T0) },
            DecisionAction.None, [AlarmNotInAlarmState]),
        ["unmanaged alarm → none"] = new(
            () => PrimaryOutage() with { Trigger = Trigger.FromAlarm("disk-full", AlarmState.Alarm, AlarmState.Ok, "Threshold Crossed", Nrt, T0) },
            DecisionAction.None, [AlarmNotManaged]),

        // Secondary failure.
        ["secondary outage → drain the secondary"] = new(SecondaryOutage, DecisionAction.DrainSecondary, [SecondaryDownByQuorum, TargetHealthy]),
        ["secondary alarm, secondary healthy → none"] = new(
            () => SecondaryOutage().WithSignals(TaiwanHealthy(), TokyoHealthy()),
            DecisionAction.None, [SecondaryNotDownByQuorum]),
        ["secondary outage, already drained → none"] = new(
            () => SecondaryOutage() with { CurrentWeights = [new RecordWeight("tpe", Tpe, 100), new RecordWeight("nrt", Nrt, 0)] },
            DecisionAction.None, [SecondaryDownByQuorum, TargetHealthy, AlreadyConverged]),
        ["secondary outage while it holds the writer → escalate"] = new(
            () => SecondaryOutage() with { GlobalCluster = Cluster(writer: Nrt) },
            DecisionAction.Escalate, [SecondaryDownByQuorum, DrainRegionIsWriter]),
        ["secondary outage, primary unhealthy too → abort"] = new(
            () => SecondaryOutage().Replacing(SignalKind.Probe, Tpe, Verdict.Unhealthy),
            DecisionAction.Abort, [SecondaryDownByQuorum, TargetUnhealthy]),
        ["secondary outage, earlier execution running → none"] = new(
            () => SecondaryOutage() with { RecentExecutions = [Running("earlier", T0.AddSeconds(-3))] },
            DecisionAction.None, [DeferredToEarlierExecution]),

        // Manual modes through the same gates.
        ["manual switchover, both healthy → switchover"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.Switchover, Nrt) },
            DecisionAction.Switchover, [TargetHealthy, DatabaseSynchronised]),
        ["manual switchover, target resyncing → escalate"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.Switchover, Nrt), GlobalCluster = Cluster(writer: Tpe, nrtSync: SynchronisationStatus.PendingResync) },
            DecisionAction.Escalate, [TargetHealthy, DatabaseNotSynchronised, SwitchoverRequired]),
        ["manual switchover without target moves away from the writer"] = new(
            () => AfterFailover() with { Trigger = Manual(TriggerMode.Switchover) },
            DecisionAction.Switchover, [TargetHealthy, DatabaseSynchronised]),
        ["manual failover to an unmanaged Region → abort"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, "eu-west-1") },
            DecisionAction.Abort, [TargetRegionInvalid]),
        ["failback, primary back and synchronised → switchover"] = new(
            () => AfterFailover() with { Trigger = Manual(TriggerMode.Failback) },
            DecisionAction.Switchover, [TargetHealthy, DatabaseSynchronised]),
        ["failback, primary resyncing → escalate"] = new(
            () => AfterFailover() with { Trigger = Manual(TriggerMode.Failback), GlobalCluster = Cluster(writer: Nrt, tpeSync: SynchronisationStatus.PendingResync) },
            DecisionAction.Escalate, [TargetHealthy, DatabaseNotSynchronised, SwitchoverRequired]),
        ["failback, primary unhealthy → abort"] = new(
            () => AfterFailover().Replacing(SignalKind.Probe, Tpe, Verdict.Unhealthy) with { Trigger = Manual(TriggerMode.Failback) },
            DecisionAction.Abort, [TargetUnhealthy]),
        ["failback to the secondary → abort"] = new(
            () => AfterFailover() with { Trigger = Manual(TriggerMode.Failback, Nrt) },
            DecisionAction.Abort, [TargetRegionInvalid]),
        ["failback already switched over → none"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.Failback, Tpe) },
            DecisionAction.None, [TargetHealthy, AlreadyConverged]),
        ["failback inside the cooldown → escalate"] = new(
            () => AfterFailover() with { Trigger = Manual(TriggerMode.Failback), RecentExecutions = [Finished("last", TimeSpan.FromMinutes(10), DecisionAction.Failover)] },
            DecisionAction.Escalate, [TargetHealthy, CooldownActive]),
        ["dry run of a primary outage → failover, flagged dry run"] = new(
            () => PrimaryOutage() with { Trigger = Manual(TriggerMode.DryRun) },
            DecisionAction.Failover, [DryRun, .. DownAndTargetHealthy, DatabaseNotSynchronised, DataLossWithinBudget]),
        ["dry run, nothing wrong → none"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.DryRun) },
            DecisionAction.None, [DryRun, PrimaryNotDownByQuorum]),
        // A dry run naming a target is judged as a manual failover there; the Primary* quorum codes name
        // the Region being left, here the secondary.
        ["dry run towards the primary while the secondary is fine → escalate"] = new(
            () => Calm() with { Trigger = Manual(TriggerMode.DryRun, Tpe) },
            DecisionAction.Escalate, [DryRun, PrimaryNotDownByQuorum]),
    };
}
