using System.Text.Json;
using System.Text.Json.Serialization;
using DrLambdas.Shared.Decisions;

namespace DrLambdas.Shared.Contracts;

/// <summary>HealthValidator <c>verify</c> input: <c>{"operation":"verify","document":{...}}</c>.</summary>
/// <param name="Operation">Always <c>verify</c>.</param>
/// <param name="Document">The whole execution document.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record VerifyRequest(string Operation, ExecutionDocument Document);

/// <summary>The execution document as <c>verify</c> reads it (<c>docs/contracts.md</c> section 4); other sections are ignored.</summary>
/// <param name="Trigger">The execution input as received.</param>
/// <param name="Execution">The execution identity.</param>
/// <param name="Assessment">The assess output.</param>
/// <param name="Actions">The last promoter and DNS outputs; absent sections were not run.</param>
/// <param name="ApprovalGate">The approval gate's section; absent when the execution did not wait for a human.</param>
public sealed record ExecutionDocument(
    JsonElement Trigger,
    ExecutionReference Execution,
    AssessResponse Assessment,
    RecoveryActions? Actions = null,
    ApprovalGateSection? ApprovalGate = null);

/// <summary>The <c>approvalGate</c> section as <c>verify</c> reads it; its other members are the state machine's.</summary>
/// <param name="Approval">The approver's answer, present once the execution was approved.</param>
public sealed record ApprovalGateSection(ApprovalAnswer? Approval = null);

/// <summary>What <c>drctl approve</c> answered the waiting execution with (<c>SendTaskSuccess</c> output).</summary>
/// <param name="ApprovedBy">The approver's identity, from the caller's credentials (an ARN).</param>
/// <param name="Reason">The approver's reason.</param>
/// <param name="ApprovedAt">When the approval was given.</param>
public sealed record ApprovalAnswer(string ApprovedBy, string Reason, DateTimeOffset ApprovedAt);

/// <summary>The <c>actions</c> section: the last output of each recovery branch.</summary>
/// <param name="Promotion">The promoter's last output (start or status), absent when the database did not change.</param>
/// <param name="Dns">The DNS updater's last output (apply or status).</param>
public sealed record RecoveryActions(PromotionReport? Promotion = null, DnsChangeResponse? Dns = null);

/// <summary>The promoter's last output as found in the execution document: a start or a status output.</summary>
/// <param name="TargetClusterArn">The promoted cluster.</param>
/// <param name="StartedAt">When the promotion started.</param>
/// <param name="Outcome">Set when the last output was <c>start</c>'s.</param>
/// <param name="Status">Set when the last output was <c>status</c>'s.</param>
/// <param name="ElapsedSeconds">Promotion time so far (status outputs).</param>
/// <param name="WriterEndpoint">The global writer endpoint (status outputs).</param>
/// <param name="Detail">What the promoter saw (status outputs).</param>
public sealed record PromotionReport(
    string TargetClusterArn,
    DateTimeOffset StartedAt,
    PromotionOutcome? Outcome = null,
    PromotionState? Status = null,
    double? ElapsedSeconds = null,
    string? WriterEndpoint = null,
    string? Detail = null);

/// <summary>
/// HealthValidator <c>verify</c> output: the incident report, written as soon as the database is promoted (the
/// DNS pin is reported, never waited for).
/// </summary>
/// <param name="Outcome">Recovered, Degraded (recovered, pin pending) or Failed.</param>
/// <param name="Subject">E-mail subject (ASCII, under 100 characters).</param>
/// <param name="Summary">Plain-text report fit for an SNS e-mail.</param>
/// <param name="Checks">What was checked after the actions.</param>
/// <param name="Timeline">The incident's milestones in time order.</param>
/// <param name="Rto">Measured recovery time next to the target and the budget.</param>
/// <param name="DataLoss">Estimated data loss.</param>
/// <param name="Reasons">The decision's reasons.</param>
/// <param name="Pin">Where the DNS pin stands at report time.</param>
public sealed record VerifyResponse(
    VerifyOutcome Outcome,
    string Subject,
    string Summary,
    IReadOnlyList<VerificationCheck> Checks,
    IReadOnlyList<TimelineEntry> Timeline,
    MeasuredRto Rto,
    DataLossReport DataLoss,
    IReadOnlyList<Reason> Reasons,
    PinReport Pin);

/// <summary>How the recovery ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerifyOutcome>))]
public enum VerifyOutcome
{
    /// <summary>Target healthy, target writer, pin landed.</summary>
    Recovered,

    /// <summary>
    /// Recovered (target healthy and the writer) but the DNS pin has not landed: traffic is held by the health
    /// checks only while the pin is retried. The execution still succeeds.
    /// </summary>
    Degraded,

    /// <summary>The target does not serve, is not the writer, or the promotion did not complete: the execution fails.</summary>
    Failed,
}

/// <summary>One post-recovery check.</summary>
/// <param name="Name">Stable name, e.g. <c>target-writer</c>.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Detail">What was seen.</param>
public sealed record VerificationCheck(string Name, bool Passed, string Detail);

/// <summary>One milestone of the incident.</summary>
/// <param name="Step">What happened, e.g. <c>PromotionStarted</c>.</param>
/// <param name="At">When.</param>
public sealed record TimelineEntry(string Step, DateTimeOffset At);

/// <summary>The measured recovery time.</summary>
/// <param name="MeasuredSeconds">From the first known sign of the incident (the alarm, else the execution start) to <paramref name="MeasuredTo"/>.</param>
/// <param name="TargetSeconds">The RTO target.</param>
/// <param name="BudgetSeconds">What the configuration allows on this path (assessment's budget).</param>
/// <param name="Breakdown">The measured phases.</param>
/// <param name="MeasuredTo">The end point: the promotion done when the writer moved, else the verification.</param>
public sealed record MeasuredRto(double MeasuredSeconds, int TargetSeconds, int BudgetSeconds, IReadOnlyList<RtoPhase> Breakdown, RtoEndPoint MeasuredTo);

/// <summary>Where the measured RTO stops (the DNS pin is never part of it: traffic moves on health checks).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RtoEndPoint>))]
public enum RtoEndPoint
{
    /// <summary>The Aurora promotion reported completed.</summary>
    PromotionCompleted,

    /// <summary>The verification (no promotion, or its completion time unknown).</summary>
    Verified,
}

/// <summary>One measured phase of the recovery.</summary>
/// <param name="Name">Phase name, e.g. <c>promotion</c>.</param>
/// <param name="Seconds">Its measured duration.</param>
/// <param name="Detail">What it covers.</param>
public sealed record RtoPhase(string Name, double Seconds, string Detail);

/// <summary>The data loss of the recovery.</summary>
/// <param name="EstimatedSeconds">0 on switchover paths; the RPO lag at decision time on failover; null when unmeasured.</param>
/// <param name="Allowed">Whether the promotion allowed data loss.</param>
/// <param name="Basis">Where the estimate comes from.</param>
public sealed record DataLossReport(double? EstimatedSeconds, bool Allowed, string Basis);
