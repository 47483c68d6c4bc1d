using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Pause;
using DrLambdas.Shared.Triggers;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Support;

/// <summary>
/// A decision input built from a readable baseline: the primary (Taiwan) is down by every signal kind,
/// Tokyo is healthy and synchronised, the primary alarm fired, the RPO lag is 0.8 s, weights 70/30.
/// </summary>
internal sealed record Scenario(
    Trigger Trigger,
    DrConfiguration Configuration,
    IReadOnlyList<HealthSignal> Signals,
    GlobalClusterView GlobalCluster,
    ReplicationStatus Replication,
    ExecutionIdentity CurrentExecution,
    IReadOnlyList<RecentExecution>? RecentExecutions,
    IReadOnlyList<RecordWeight>? CurrentWeights,
    DateTimeOffset Now,
    PauseState? Pause = null)
{
    public const string Global = "route53-global";
    public const string CurrentId = "arn:aws:states:ap-northeast-1:111122223333:execution:failover:current";
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static Scenario PrimaryOutage() => new(
        Trigger.FromAlarm(PrimaryAlarm, AlarmState.Alarm, AlarmState.Ok, "Threshold Crossed", Nrt, T0),
        Default,
        [.. PrimaryDown(), .. TokyoHealthy()],
        Cluster(writer: Tpe, writerStatus: "available", nrtSync: SynchronisationStatus.Connected),
        new ReplicationStatus(TimeSpan.FromSeconds(0.8), T0),
        new ExecutionIdentity(CurrentId, T0),
        [],
        [new RecordWeight("tpe", Tpe, 70), new RecordWeight("nrt", Nrt, 30)],
        T0.AddSeconds(5));

    /// <summary>Both Regions healthy and synchronised: a planned switchover or failback would work.</summary>
    public static Scenario Calm() => PrimaryOutage() with { Signals = [.. TaiwanHealthy(), .. TokyoHealthy()] };

    /// <summary>After a failover: Tokyo is the writer with all traffic, Taiwan is back and resynchronised.</summary>
    public static Scenario AfterFailover() => Calm() with
    {
        GlobalCluster = Cluster(writer: Nrt, writerStatus: "available", nrtSync: SynchronisationStatus.Unknown, tpeSync: SynchronisationStatus.Connected),
        CurrentWeights = [new RecordWeight("tpe", Tpe, 0), new RecordWeight("nrt", Nrt, 100)],
    };

    /// <summary>Tokyo (the secondary) is down by every signal kind; Taiwan healthy and the writer.</summary>
    public static Scenario SecondaryOutage() => PrimaryOutage() with
    {
        Trigger = Trigger.FromAlarm(SecondaryAlarm, AlarmState.Alarm, AlarmState.Ok, "Threshold Crossed", Nrt, T0),
        Signals = [.. TaiwanHealthy(), .. Down(Nrt)],
    };

    public static HealthSignal Signal(SignalKind kind, string region, string observer, Verdict verdict, string detail = "observed") =>
        new(kind, region, observer, verdict, detail, T0);

    public static IEnumerable<HealthSignal> PrimaryDown() => Down(Tpe);

    public static IEnumerable<HealthSignal> Down(string region) =>
    [
        Signal(SignalKind.Probe, region, Nrt, Verdict.Unhealthy, "connection timed out"),
        Signal(SignalKind.Route53HealthCheck, region, Global, Verdict.Unhealthy, "3 of 3 checkers failing"),
        Signal(SignalKind.Alarm, region, Nrt, Verdict.Unhealthy, "ALARM"),
        Signal(SignalKind.DatabaseEndpoint, region, Nrt, Verdict.Unhealthy, "connect timeout"),
    ];

    public static IEnumerable<HealthSignal> TokyoHealthy() => Healthy(Nrt);

    public static IEnumerable<HealthSignal> TaiwanHealthy() => Healthy(Tpe);

    public static IEnumerable<HealthSignal> Healthy(string region) =>
    [
        Signal(SignalKind.Probe, region, Nrt, Verdict.Healthy, "UP"),
        Signal(SignalKind.Route53HealthCheck, region, Global, Verdict.Healthy, "3 of 3 checkers healthy"),
        Signal(SignalKind.DatabaseEndpoint, region, Nrt, Verdict.Healthy, "connected"),
    ];

    public static GlobalClusterView Cluster(
        string? writer,
        string writerStatus = "available",
        SynchronisationStatus nrtSync = SynchronisationStatus.Connected,
        SynchronisationStatus tpeSync = SynchronisationStatus.Unknown,
        string readerStatus = "available") => new(
        "app-global",
        [
            new ClusterMember(TpeArn, Tpe, writer == Tpe, writer == Tpe ? writerStatus : readerStatus, tpeSync),
            new ClusterMember(NrtArn, Nrt, writer == Nrt, writer == Nrt ? writerStatus : readerStatus, nrtSync),
        ],
        null);

    public static Trigger Manual(TriggerMode mode, string? target = null, bool force = false) =>
        Trigger.FromManual(mode, target, "drill", force, "alice");

    public Scenario WithSignals(params IEnumerable<HealthSignal>[] groups) => this with { Signals = groups.SelectMany(group => group).ToList() };

    public Scenario WithPolicy(Func<DecisionPolicy, DecisionPolicy> change) =>
        this with { Configuration = Configuration with { Policy = change(Configuration.Policy) } };

    public Scenario Replacing(SignalKind kind, string region, Verdict verdict) => this with
    {
        Signals = Signals.Select(signal => signal.Kind == kind && signal.Region == region ? signal with { Verdict = verdict } : signal).ToList(),
    };

    public Scenario Without(SignalKind kind, string region) =>
        this with { Signals = Signals.Where(signal => !(signal.Kind == kind && signal.Region == region)).ToList() };

    /// <summary>Extra health signals (none in the baseline).</summary>
    public IReadOnlyList<ExtraSignalReading> ExtraSignals { get; init; } = [];

    public DecisionInput Input() => new(Trigger, Configuration, Signals, GlobalCluster, Replication, CurrentExecution, RecentExecutions, CurrentWeights, Now, Pause)
    {
        ExtraSignals = ExtraSignals,
    };

    public Decision Decide() => DecisionEngine.Decide(Input());
}
