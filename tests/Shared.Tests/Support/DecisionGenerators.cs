using CsCheck;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Triggers;
using static DrLambdas.Shared.Tests.Support.Scenario;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Support;

/// <summary>Generators of well-formed but otherwise arbitrary decision inputs.</summary>
internal static class DecisionGenerators
{
    private static readonly string[] Observers = [Nrt, Tpe, Global, "route53-eu"];
    private static readonly Gen<string> ClusterStatus = Gen.FrequencyConst((24, "available"), (1, "modifying"), (1, "failing-over"), (1, "inaccessible"));

    public static readonly Gen<HealthSignal> Signal =
        Gen.Select(Gen.Enum<SignalKind>(), Gen.OneOfConst(Tpe, Nrt), Gen.OneOfConst(Observers), Gen.Enum<Verdict>(), Gen.Int[0, 600],
            (kind, region, observer, verdict, age) => new HealthSignal(kind, region, observer, verdict, "observed", T0.AddSeconds(-age)));

    public static readonly Gen<Trigger> AlarmTrigger =
        Gen.Select(Gen.OneOfConst(PrimaryAlarm, PrimaryAlarm, PrimaryAlarm, SecondaryAlarm, "disk-full"), Gen.FrequencyConst((4, AlarmState.Alarm), (1, AlarmState.Ok), (1, AlarmState.InsufficientData)),
            (name, state) => Trigger.FromAlarm(name, state, null, "reason", Nrt, T0));

    public static readonly Gen<Trigger> ManualTrigger =
        Gen.Select(Gen.Enum<TriggerMode>().Where(mode => mode != TriggerMode.Automatic), Gen.FrequencyConst<string?>((3, null), (2, Tpe), (4, Nrt), (1, "eu-west-1")), Gen.Bool,
            (mode, target, force) => Trigger.FromManual(mode, target, "drill", force, "alice"));

    /// <summary>The common case: the primary alarm, or an operator moving to Tokyo.</summary>
    public static readonly Gen<Trigger> TowardsSecondary = Gen.OneOf(
        Gen.Const(Trigger.FromAlarm(PrimaryAlarm, AlarmState.Alarm, AlarmState.Ok, "Threshold Crossed", Nrt, T0)),
        Gen.Select(Gen.OneOfConst(TriggerMode.Failover, TriggerMode.Switchover, TriggerMode.DryRun), Gen.OneOfConst<string?>(null, Nrt), Gen.FrequencyConst((3, false), (1, true)),
            (mode, target, force) => Trigger.FromManual(mode, target, "drill", force, "alice")));

    public static readonly Gen<Trigger> AnyTrigger = Gen.Frequency((1, AlarmTrigger), (1, ManualTrigger), (2, TowardsSecondary));

    private static readonly Gen<SynchronisationStatus> Synchronisation =
        Gen.FrequencyConst((4, SynchronisationStatus.Connected), (1, SynchronisationStatus.PendingResync), (1, SynchronisationStatus.Unknown));

    public static readonly Gen<GlobalClusterView> GlobalCluster =
        Gen.Select(
            Gen.OneOfConst<string?>(Tpe, Tpe, Nrt, null),
            ClusterStatus,
            ClusterStatus,
            Synchronisation,
            Synchronisation,
            Gen.Int[0, 19],
            (writer, tpeStatus, nrtStatus, tpeSync, nrtSync, shape) =>
            {
                List<ClusterMember> members =
                [
                    new(TpeArn, Tpe, writer == Tpe, tpeStatus, tpeSync),
                    new(NrtArn, Nrt, writer == Nrt, nrtStatus, nrtSync),
                ];
                if (shape == 0)
                {
                    members.RemoveAt(1);
                }

                var operation = shape == 1 ? new GlobalOperation("failing-over", TpeArn, NrtArn, true) : null;
                return new GlobalClusterView("app-global", members, operation);
            });

    /// <summary>A lag measurement taken T0 (rebased onto the input's now by <see cref="Input"/>), or none.</summary>
    public static readonly Gen<ReplicationStatus> Replication =
        Gen.Frequency(
            (1, Gen.Const(ReplicationStatus.Unknown)),
            (3, Gen.Int[0, 6_000].Select(ms => new ReplicationStatus(TimeSpan.FromMilliseconds(ms), T0))),
            (2, Gen.Int[0, 20_000].Select(ms => new ReplicationStatus(TimeSpan.FromMilliseconds(ms), T0))));

    /// <summary>How old the lag measurement is at decision time: mostly fresh, sometimes stale, rarely of unknown age.</summary>
    private static readonly Gen<int?> MeasurementAge =
        Gen.Frequency((12, Gen.Int[0, 120].Select(age => (int?)age)), (2, Gen.Int[121, 900].Select(age => (int?)age)), (1, Gen.Const(default(int?))));

    public static readonly Gen<RecentExecution> Execution =
        Gen.Select(
            Gen.OneOfConst("a", "current", "m", "z"),
            Gen.Int[-7200, 60],
            Gen.Enum<ExecutionStatus>(),
            Gen.Int[0, 600],
            Gen.OneOfConst<DecisionAction?>(null, DecisionAction.None, DecisionAction.Failover, DecisionAction.Switchover, DecisionAction.Escalate),
            Gen.OneOfConst<bool?>(null, null, false, true),
            (id, startOffset, status, duration, action, promoted) => new RecentExecution(
                id == "current" ? CurrentId : $"arn:aws:states:ap-northeast-1:111122223333:execution:failover:{id}",
                T0.AddSeconds(startOffset),
                status,
                status == ExecutionStatus.Running ? null : T0.AddSeconds(startOffset + duration),
                action,
                status == ExecutionStatus.Running ? null : promoted));

    /// <summary>The weighted records, sometimes missing one, sometimes unreadable (null).</summary>
    public static readonly Gen<IReadOnlyList<RecordWeight>?> Weights =
        Gen.Select(Gen.Int[0, 255], Gen.Int[0, 255], Gen.Int[0, 4], (tpe, nrt, shape) => shape switch
        {
            0 => (IReadOnlyList<RecordWeight>?)[new RecordWeight("nrt", Nrt, nrt)],
            1 => [new RecordWeight("tpe", Tpe, tpe)],
            2 => null,
            _ => [new RecordWeight("tpe", Tpe, tpe), new RecordWeight("nrt", Nrt, nrt)],
        });

    private static readonly DrConfiguration WatchedByRoute53 = TestEnvironment.Configuration(env =>
    {
        env[PrimaryHealthCheckIdVariable] = "0d7a1b2c-3e4f-4a5b-8c6d-000000000001";
        env[SecondaryHealthCheckIdVariable] = "0d7a1b2c-3e4f-4a5b-8c6d-000000000002";
        env[PrimaryHealthCheckAlarmVariable] = "drlambdas-primary-health-check";
    });

    public static readonly Gen<DrConfiguration> Configuration =
        Gen.Select(Gen.Int[1, 4], Gen.Int[0, 3600], Gen.Int[0, 10], Gen.OneOfConst(Nrt, Nrt, Nrt, Tpe), Gen.Int[0, 255], Gen.Int[1, 255], Gen.Bool,
            (quorum, cooldown, budget, recovery, primaryWeight, secondaryWeight, route53) =>
            {
                var configuration = route53 ? WatchedByRoute53 : TestEnvironment.Default;
                return configuration with
                {
                    Topology = configuration.Topology with
                    {
                        RecoveryRegion = recovery,
                        Primary = configuration.Topology.Primary with { NormalWeight = primaryWeight },
                        Secondary = configuration.Topology.Secondary with { NormalWeight = secondaryWeight },
                    },
                    Policy = configuration.Policy with { Quorum = quorum, Cooldown = TimeSpan.FromSeconds(cooldown), DataLossBudget = TimeSpan.FromSeconds(budget) },
                };
            });

    /// <summary>A Region's evidence: fully healthy, down by every kind, or arbitrary.</summary>
    private static Gen<IEnumerable<HealthSignal>> RegionEvidence(string region, int healthy, int down, int arbitrary) =>
        Gen.Frequency(
            (healthy, Gen.Const(Healthy(region))),
            (down, Gen.Const(Down(region))),
            (arbitrary, Signal.Where(signal => signal.Region == region).List[0, 6].Select(list => (IEnumerable<HealthSignal>)list)));

    /// <summary>Realistic evidence (Taiwan often down, Tokyo mostly healthy) plus a few arbitrary signals about either.</summary>
    public static readonly Gen<IReadOnlyList<HealthSignal>> Signals =
        Gen.Select(RegionEvidence(Tpe, 3, 5, 2), RegionEvidence(Nrt, 7, 1, 2), Gen.Frequency((3, Gen.Const(new List<HealthSignal>())), (2, Signal.List[1, 3])),
            (tpe, nrt, noise) => (IReadOnlyList<HealthSignal>)tpe.Concat(nrt).Concat(noise).ToList());

    /// <summary>Recent executions: none, a few, or unreadable (null).</summary>
    public static readonly Gen<IReadOnlyList<RecentExecution>?> Executions =
        Gen.Frequency(
            (6, Gen.Const<IReadOnlyList<RecentExecution>?>([])),
            (4, Execution.List[1, 3].Select(list => (IReadOnlyList<RecentExecution>?)list)),
            (1, Gen.Const(default(IReadOnlyList<RecentExecution>))));

    private static readonly Gen<(int NowOffset, int? Age)> Clock = Gen.Select(Gen.Int[0, 7200], MeasurementAge, (now, age) => (now, age));

    public static readonly Gen<DecisionInput> Input =
        Gen.Select(
            AnyTrigger,
            Configuration,
            Signals,
            GlobalCluster,
            Replication,
            Executions,
            Weights,
            Clock,
            (trigger, configuration, signals, cluster, replication, executions, weights, clock) =>
            {
                var now = T0.AddSeconds(clock.NowOffset);
                var measured = replication.RpoLag is null || clock.Age is not { } age ? replication : replication with { MeasuredAt = now.AddSeconds(-age) };
                return new DecisionInput(trigger, configuration, signals, cluster, measured, new ExecutionIdentity(CurrentId, T0), executions, weights, now);
            });

    /// <summary>
    /// Partition-shaped evidence: the recovery Region (Tokyo) sees Taiwan down and no other observer
    /// does; everything else (triggers including forced ones, Tokyo's health, the database) is arbitrary.
    /// </summary>
    public static readonly Gen<DecisionInput> PartitionInput =
        Gen.Select(Input, Gen.Enum<SignalKind>(), (input, localKind) =>
        {
            var signals = input.Signals
                .Select(signal => signal.Region == Tpe && signal.Observer != Nrt && signal.Verdict == Verdict.Unhealthy ? signal with { Verdict = Verdict.Healthy } : signal)
                .Append(new HealthSignal(localKind, Tpe, Nrt, Verdict.Unhealthy, "unreachable from Tokyo", T0))
                .ToList();
            return input with
            {
                Signals = signals,
                Configuration = input.Configuration with { Topology = input.Configuration.Topology with { RecoveryRegion = Nrt } },
            };
        });

    /// <summary>An alarm trigger with a finished promotion inside the cooldown.</summary>
    public static readonly Gen<DecisionInput> CooldownInput =
        Gen.Select(Input, AlarmTrigger, Gen.Int[60, 3600], Gen.Double[0, 0.999], Gen.OneOfConst<DecisionAction?>(null, DecisionAction.Failover, DecisionAction.Switchover),
            (input, trigger, cooldownSeconds, elapsedFraction, action) =>
            {
                var cooldown = TimeSpan.FromSeconds(cooldownSeconds);
                var stoppedAt = input.Now - (cooldown * elapsedFraction);
                var promotion = new RecentExecution("arn:aws:states:ap-northeast-1:111122223333:execution:failover:previous",
                    stoppedAt.AddMinutes(-5), ExecutionStatus.Succeeded, stoppedAt, action);
                return input with
                {
                    Trigger = trigger,
                    Configuration = input.Configuration with { Policy = input.Configuration.Policy with { Cooldown = cooldown } },
                    RecentExecutions = [.. input.RecentExecutions ?? [], promotion],
                };
            });

    /// <summary>
    /// Any input plus a healthy probe, made from the recovery Region, of both Regions: whichever Region a decision
    /// would leave, the recovery Region sees it serving.
    /// </summary>
    public static readonly Gen<DecisionInput> CounterVoteInput =
        Input.Select(input => input with
        {
            Signals =
            [
                .. input.Signals,
                new HealthSignal(SignalKind.Probe, Tpe, input.Configuration.Topology.RecoveryRegion, Verdict.Healthy, "UP", input.Now),
                new HealthSignal(SignalKind.Probe, Nrt, input.Configuration.Topology.RecoveryRegion, Verdict.Healthy, "UP", input.Now),
            ],
        });

    /// <summary>
    /// Any input plus, for each Region whose Route 53 checkers agree, the alarm on their <c>HealthCheckStatus</c>
    /// metric saying the same (kind from <see cref="SignalSources.KindOfAlarm"/>).
    /// </summary>
    public static DecisionInput WithRoute53AlarmEcho(DecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var echoes = new[] { Tpe, Nrt }
            .Select(region => input.Signals.Where(signal => signal.Kind == SignalKind.Route53HealthCheck && signal.Region == region).ToList())
            .Where(checks => checks.Count > 0 && checks.All(check => check.Verdict == checks[0].Verdict))
            .Select(checks => checks[0] with
            {
                Kind = SignalSources.KindOfAlarm(SignalSources.Route53Namespace, SignalSources.HealthCheckStatusMetric),
                Detail = "alarm on HealthCheckStatus",
            });
        return input with { Signals = [.. input.Signals, .. echoes] };
    }

    /// <summary>A canonical text form of a decision, for equality checks.</summary>
    public static string Canonical(Decision decision) =>
        string.Join(
            "\n",
            new[]
            {
                $"{decision.Action}|{decision.FailedRegion}|{decision.TargetRegion}|{decision.TargetClusterArn}|{decision.GlobalClusterId}",
                $"{decision.AllowDataLoss}|{decision.EstimatedDataLossSeconds}|{decision.Forced}|{decision.DryRun}|{decision.IsFailback}",
            }.Concat(decision.Reasons.Select(reason => $"{reason.Code}|{reason.Message}|{string.Join(";", reason.Evidence)}")));
}
