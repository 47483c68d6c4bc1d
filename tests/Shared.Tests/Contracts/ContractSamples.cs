using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Rto;
using DrLambdas.Shared.Triggers;
using DrLambdas.Shared.Weights;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>Function outputs of one story: Taiwan (ap-east-2) fails, the writer and traffic move to Tokyo (ap-northeast-1).</summary>
internal static class ContractSamples
{
    public const string Tpe = "ap-east-2";
    public const string Nrt = "ap-northeast-1";
    public const string NrtClusterArn = "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt";
    public const string IncidentId = "dr-exec-20261126-0000";
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<RecordWeight> AllToTokyo => [new("tpe", Tpe, 0), new("nrt", Nrt, 100)];

    public static Reason QuorumReason => new(ReasonCode.PrimaryDownByQuorum, "3 of 4 signal kinds agree ap-east-2 is down.", ["probe:ap-northeast-1→ap-east-2 unhealthy: timeout"]);

    public static DecisionDocument Decision(DecisionAction action = DecisionAction.Failover, bool dryRun = false) =>
        new(action, Tpe, Nrt, NrtClusterArn, "app-global", action == DecisionAction.Failover, 0.8, Forced: false, dryRun, [QuorumReason]);

    /// <summary>Nothing to do: no Region fails, nothing is promoted, the data loss is not measured.</summary>
    public static DecisionDocument NoActionDecision =>
        new(DecisionAction.None, null, null, null, "app-global", AllowDataLoss: false, null, Forced: false, DryRun: false, []);

    public static TriggerSummary AlarmTrigger => new(TriggerKind.Alarm, TriggerMode.Automatic, "app-tpe-down", "Threshold Crossed", null, Force: false);

    public static AssessResponse Assessment(DecisionDocument? decision = null, TriggerSummary? trigger = null) => new(
        IncidentId,
        T0.AddMilliseconds(2412),
        trigger ?? AlarmTrigger,
        decision ?? Decision(),
        AllToTokyo,
        [new HealthSignal(SignalKind.Probe, Tpe, Nrt, Verdict.Unhealthy, "3/3 attempts timed out", T0.AddMilliseconds(2100))],
        new RtoBudget(60, 215, Reachable: false, [new RtoBudgetItem("detection", 90, "Route 53 health check 30 s × 3 failures")], "Detection alone exceeds the target."),
        new Notice("[DR] Failover of ap-east-2 to ap-northeast-1 started", "Failover started."),
        412,
        new RtoBudget(60, 150, Reachable: false, [new RtoBudgetItem("health-check-detection", 90, "Route 53 health check 30 s × 3 failures")], "Detection alone exceeds the target."),
        new RtoBudget(60, 235, Reachable: false, [new RtoBudgetItem("detection", 150, "HealthCheckStatus alarm")], "Detection alone exceeds the target."));

    public static PromotionStartResponse PromotionStart(PromotionOutcome outcome = PromotionOutcome.Started) =>
        new(outcome, DecisionAction.Failover, NrtClusterArn, T0.AddSeconds(3));

    public static PromotionStatusResponse PromotionStatus(PromotionState status = PromotionState.Completed, string? writerEndpoint = "app-nrt.cluster-c1.ap-northeast-1.rds.amazonaws.com") =>
        new(status, NrtClusterArn, T0.AddSeconds(3), 58.2, writerEndpoint, TimedOut: false, "app-nrt is the global writer.", Promoted: status == PromotionState.Completed);

    public static DnsChangeResponse DnsApply(ChangePropagation status = ChangePropagation.Pending) =>
        new(["/change/C2682N5HXP0BZ4"], status, T0.AddSeconds(3), 0, TimedOut: false, [new WeightChange("tpe", 70, 0), new WeightChange("nrt", 30, 100)], Unchanged: 0);

    public static DnsChangeResponse DnsStatus(ChangePropagation status = ChangePropagation.InSync) =>
        new(["/change/C2682N5HXP0BZ4"], status, T0.AddSeconds(3), 41.0, TimedOut: false);

    public static VerifyResponse Report(VerifyOutcome outcome = VerifyOutcome.Recovered, double? estimatedDataLossSeconds = 0.8, PinState pin = PinState.Landed) => new(
        outcome,
        "[DR] ap-east-2 → ap-northeast-1: Recovered",
        "Failover of ap-east-2 to ap-northeast-1 recovered in 102 s.",
        [new VerificationCheck("target-writer", Passed: true, "app-nrt is the writer")],
        [new TimelineEntry("PromotionStarted", T0.AddSeconds(3))],
        new MeasuredRto(102.5, 60, 215, [new RtoPhase("promotion", 58.2, "start to writer")], RtoEndPoint.PromotionCompleted),
        new DataLossReport(estimatedDataLossSeconds, Allowed: true, "AuroraGlobalDBRPOLag at decision time"),
        [QuorumReason],
        new PinReport(pin, "tpe=0 (desired 0), nrt=100 (desired 100)"));

    public static PinResponse PinJudgement(PinState state = PinState.Pending) =>
        new(state, T0.AddSeconds(4), 2, T0.AddSeconds(904), "attempt 2 failed; retried until 2026-11-26T00:15:04Z");

    public static ReadinessCheck Check(int minutes, bool healthy = true, string? detail = null) => new(T0.AddMinutes(minutes), healthy, detail);

    public static FailbackPlan Plan => new(
        [new FailbackStep([new("tpe", Tpe, 10), new("nrt", Nrt, 90)], 300), new FailbackStep([new("tpe", Tpe, 70), new("nrt", Nrt, 30)], 300)],
        [new("tpe", Tpe, 0), new("nrt", Nrt, 100)]);

    public static RecoveryResponse ReadyRecovery => new(
        Ready: true, 3, 3, [Check(0), Check(5), Check(10, detail: "UP; app-tpe synchronised")], Check(10, detail: "UP; app-tpe synchronised"), Plan);

    public static RecoveryResponse NotReadyRecovery => new(
        Ready: false, 1, 3, [Check(0, healthy: false), Check(5)], Check(5));

    public static GateResponse Gate => new(Healthy: true, "ap-east-2 healthy: probe UP, Route 53 healthy");
}
