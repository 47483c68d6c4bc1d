using System.Globalization;
using System.Text;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.HealthValidator.Reports;

/// <summary>
/// Builds the incident report of <c>verify</c> from the execution document and the post-recovery checks:
/// timeline, measured RTO with its phases, data loss, and a plain-text summary for e-mail. Text from the input
/// document or from evidence goes through <see cref="SnsText.Line"/>, so it cannot forge lines of the summary.
/// </summary>
internal static class IncidentReport
{
    public static VerifyResponse Compose(ExecutionDocument document, Trigger? trigger, IReadOnlyList<VerificationCheck> checks, int rtoTargetSeconds, DateTimeOffset now)
    {
        var assessment = document.Assessment;
        var decision = assessment.Decision;
        var outcome = checks.All(check => check.Passed) ? VerifyOutcome.Recovered : VerifyOutcome.Degraded;
        var timeline = Timeline(document, trigger, now);
        var rto = Rto(document, trigger, rtoTargetSeconds, now);
        var dataLoss = DataLoss(decision);
        var subject = SnsText.Subject(
            $"DrLambdas [{assessment.IncidentId}]: {outcome} after {decision.Action} to {decision.TargetRegion}");
        var summary = Summary(document, outcome, checks, timeline, rto, dataLoss);
        return new VerifyResponse(outcome, subject, summary, checks, timeline, rto, dataLoss, decision.Reasons);
    }

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
        entries.Add(new TimelineEntry("Assessed", document.Assessment.AssessedAt.AddMilliseconds(document.Assessment.DurationMs)));
        if (document.Actions?.Promotion is { } promotion)
        {
            entries.Add(new TimelineEntry("PromotionStarted", promotion.StartedAt));
            if (promotion.Status == PromotionState.Completed && promotion.ElapsedSeconds is { } elapsed)
            {
                entries.Add(new TimelineEntry("PromotionCompleted", promotion.StartedAt.AddSeconds(elapsed)));
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

    private static MeasuredRto Rto(ExecutionDocument document, Trigger? trigger, int targetSeconds, DateTimeOffset now)
    {
        var start = IncidentStart(document, trigger);
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

        if (document.Actions?.Dns is { ChangeIds.Count: > 0 } dns)
        {
            phases.Add(new RtoPhase("propagation", dns.ElapsedSeconds, "Route 53 change from PENDING to the last status check"));
        }

        return new MeasuredRto(Seconds(now - start), targetSeconds, document.Assessment.RtoBudget.TotalSeconds, phases);
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
        text.AppendLine(CultureInfo.InvariantCulture,
            $"RTO: {SnsText.Seconds(rto.MeasuredSeconds)} measured; target {rto.TargetSeconds} s; configured budget {rto.BudgetSeconds} s.");
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
