using System.Globalization;
using System.Text;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.HealthValidator.Reports;

/// <summary>
/// Builds the incident report of <c>verify</c> from the execution document, the post-recovery checks and the
/// pin reading: timeline, measured RTO (to the promotion done) with its phases, data loss, and a plain-text
/// summary for e-mail. Text from the input
/// document or from evidence goes through <see cref="SnsText.Line"/>, so it cannot forge lines of the summary.
/// </summary>
internal static class IncidentReport
{
    public static VerifyResponse Compose(
        ExecutionDocument document, Trigger? trigger, IReadOnlyList<VerificationCheck> checks, PinReport pin, int rtoTargetSeconds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var assessment = document.Assessment;
        var decision = assessment.Decision;
        var outcome = OutcomeOf(checks, pin);
        var timeline = Timeline(document, trigger, now);
        var rto = Rto(document, trigger, rtoTargetSeconds, now);
        var dataLoss = DataLoss(decision);
        var pinNote = pin.State == PinState.Landed ? string.Empty : "; pin pending";
        var subject = SnsText.Subject(
            $"DrLambdas [{assessment.IncidentId}]: {outcome} after {decision.Action} to {decision.TargetRegion}{pinNote}");
        var summary = Summary(document, outcome, checks, pin, timeline, rto, dataLoss);
        return new VerifyResponse(outcome, subject, summary, checks, timeline, rto, dataLoss, decision.Reasons, pin);
    }

    /// <summary>Failed when a check failed; Degraded when only the pin has not landed (still a success); else Recovered.</summary>
    public static VerifyOutcome OutcomeOf(IReadOnlyList<VerificationCheck> checks, PinReport pin)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(pin);
        return !checks.All(check => check.Passed) ? VerifyOutcome.Failed
            : pin.State == PinState.Landed ? VerifyOutcome.Recovered
            : VerifyOutcome.Degraded;
    }

    /// <summary>When the promotion reported completed, if it did.</summary>
    public static DateTimeOffset? PromotionCompletedAt(ExecutionDocument document) =>
        document.Actions?.Promotion is { Status: PromotionState.Completed, ElapsedSeconds: { } elapsed } promotion
            ? promotion.StartedAt.AddSeconds(elapsed)
            : null;

    /// <summary>The first known sign of the incident: the alarm's state change, else the execution start.</summary>
    public static DateTimeOffset IncidentStart(ExecutionDocument document, Trigger? trigger) =>
        trigger?.OccurredAt is { } alarmAt && alarmAt <= document.Execution.StartTime ? alarmAt : document.Execution.StartTime;

    private static List<TimelineEntry> Timeline(ExecutionDocument document, Trigger? trigger, DateTimeOffset now)
    {
        var entries = new List<TimelineEntry>();
        if (trigger?.OccurredAt is { } alarmAt)
        {
            entries.Add(new TimelineEntry("AlarmFired", alarmAt));
        }

        entries.Add(new TimelineEntry("ExecutionStarted", document.Execution.StartTime));
        if (document.ApprovalGate?.Approval is { } approval)
        {
            entries.Add(new TimelineEntry("Approved", approval.ApprovedAt));
        }

        entries.Add(new TimelineEntry("Assessed", document.Assessment.AssessedAt.AddMilliseconds(document.Assessment.DurationMs)));
        if (document.Actions?.Promotion is { } promotion)
        {
            entries.Add(new TimelineEntry("PromotionStarted", promotion.StartedAt));
            if (PromotionCompletedAt(document) is { } completedAt)
            {
                entries.Add(new TimelineEntry("PromotionCompleted", completedAt));
            }
        }

        if (document.Actions?.Dns is { } dns)
        {
            if (dns.ChangeIds.Count == 0)
            {
                entries.Add(new TimelineEntry("DnsAlreadyAsDesired", dns.SubmittedAt));
            }
            else
            {
                entries.Add(new TimelineEntry("DnsChangeSubmitted", dns.SubmittedAt));
                if (dns.Status == ChangePropagation.InSync)
                {
                    entries.Add(new TimelineEntry("DnsInSync", dns.SubmittedAt.AddSeconds(dns.ElapsedSeconds)));
                }
            }
        }

        entries.Add(new TimelineEntry("Verified", now));
        return entries.OrderBy(entry => entry.At).ToList();
    }

    /// <summary>
    /// Incident start to the promotion done when the writer moved (users are served through the health checks, so
    /// neither the DNS pin nor its propagation is part of it), else to the verification.
    /// </summary>
    private static MeasuredRto Rto(ExecutionDocument document, Trigger? trigger, int targetSeconds, DateTimeOffset now)
    {
        var start = IncidentStart(document, trigger);
        var completedAt = PromotionCompletedAt(document);
        var end = completedAt ?? now;
        var phases = new List<RtoPhase>();
        if (start < document.Execution.StartTime)
        {
            phases.Add(new RtoPhase("alarm-to-execution", Seconds(document.Execution.StartTime - start),
                "from the alarm's state change to the start of the state machine"));
        }

        phases.Add(new RtoPhase("assessment", document.Assessment.DurationMs / 1000.0, "evidence gathering and decision"));
        if (document.Actions?.Promotion is { ElapsedSeconds: { } promotion })
        {
            phases.Add(new RtoPhase("promotion", promotion, "Aurora switchover or failover, from start to the last status check"));
        }

        return new MeasuredRto(Seconds(end - start), targetSeconds, document.Assessment.RtoBudget.TotalSeconds, phases,
            completedAt is null ? RtoEndPoint.Verified : RtoEndPoint.PromotionCompleted);
    }

    private static DataLossReport DataLoss(DecisionDocument decision) => decision.Action switch
    {
        DecisionAction.Switchover => new DataLossReport(0, false, "switchover: replication caught up before the writer moved (RPO 0)"),
        DecisionAction.Failover when decision.EstimatedDataLossSeconds is { } lag => new DataLossReport(lag, true,
            $"estimate: AuroraGlobalDBRPOLag at decision time; writes committed in the last {SnsText.Seconds(lag)} before the outage may be lost"),
        DecisionAction.Failover => new DataLossReport(null, true, "unknown: no AuroraGlobalDBRPOLag measurement at decision time (forced failover)"),
        _ => new DataLossReport(0, false, "no database change"),
    };

    private static string Summary(
        ExecutionDocument document,
        VerifyOutcome outcome,
        IReadOnlyList<VerificationCheck> checks,
        PinReport pin,
        IReadOnlyList<TimelineEntry> timeline,
        MeasuredRto rto,
        DataLossReport dataLoss)
    {
        var assessment = document.Assessment;
        var decision = assessment.Decision;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Outcome: {outcome}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Incident: {SnsText.Line(assessment.IncidentId)} (execution {SnsText.Line(document.Execution.Id)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Action: {decision.Action} from {SnsText.Line(decision.FailedRegion)} to {SnsText.Line(decision.TargetRegion)}");
        text.AppendLine(PauseText.Line(decision.Pause));
        if (document.ApprovalGate?.Approval is { } approval)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Approved by {SnsText.Line(approval.ApprovedBy)} at {SnsText.Time(approval.ApprovedAt)}: {SnsText.Line(approval.Reason)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"RTO: {SnsText.Seconds(rto.MeasuredSeconds)} measured to {(rto.MeasuredTo == RtoEndPoint.PromotionCompleted ? "the promotion done" : "verification")} (the DNS pin is not part of it); target {rto.TargetSeconds} s; configured budget {rto.BudgetSeconds} s.");
        if (pin.State == PinState.Landed)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"DNS pin: landed ({SnsText.Line(pin.Detail)}).");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"DNS pin: pending. {SnsText.Line(pin.Detail)}.");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Data loss: {(dataLoss.EstimatedSeconds is { } seconds ? SnsText.Seconds(seconds) : "unknown")} ({dataLoss.Basis}).");
        text.AppendLine();
        text.AppendLine("Checks:");
        foreach (var check in checks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- [{(check.Passed ? "PASS" : "FAIL")}] {check.Name}: {SnsText.Line(check.Detail)}");
        }

        text.AppendLine();
        text.AppendLine("Timeline (UTC):");
        foreach (var entry in timeline)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {SnsText.Time(entry.At)} {entry.Step}");
        }

        text.AppendLine();
        text.AppendLine("RTO breakdown:");
        foreach (var phase in rto.Breakdown)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {phase.Name}: {SnsText.Seconds(phase.Seconds)} ({phase.Detail})");
        }

        text.AppendLine();
        text.AppendLine("Decision reasons:");
        foreach (var reason in decision.Reasons)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- [{reason.Code}] {SnsText.Line(reason.Message)}");
        }

        return text.ToString().TrimEnd();
    }

    private static double Seconds(TimeSpan duration) => Math.Round(Math.Max(0, duration.TotalSeconds), 3);
}
