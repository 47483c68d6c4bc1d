using System.Globalization;
using System.Text;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Pause;
using DrLambdas.Shared.Rto;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.HealthValidator.Reports;

/// <summary>The SNS notice of a decision: what will happen, why, and with which evidence.</summary>
internal static class AssessmentNotice
{
    public static Notice Compose(
        string incidentId,
        Trigger trigger,
        Decision decision,
        IReadOnlyList<RecordWeight> desiredWeights,
        RtoBudgets budgets,
        IReadOnlyList<string> notes)
    {
        var headline = Headline(decision);
        var prefix = decision.DryRun ? "DrLambdas DRY RUN" : "DrLambdas";
        var subject = SnsText.Subject($"{prefix} [{incidentId}]: {headline}");

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Decision: {decision.Action} ({headline}).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Incident: {incidentId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Trigger: {SnsText.Line(DescribeTrigger(trigger))}");
        text.AppendLine(PauseText.Line(PauseSummary.Of(decision.Pause ?? PauseState.NotConfigured)));
        if (decision.DryRun)
        {
            text.AppendLine("Dry run: nothing will be changed.");
        }

        if (decision.Forced)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Forced by {SnsText.Line(trigger.RequestedBy ?? "an operator")}: at least one safety gate was overridden.");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Data loss: {DescribeDataLoss(decision)}");
        if (desiredWeights.Count > 0)
        {
            text.AppendLine("Desired weights: " + string.Join(", ", desiredWeights.Select(weight =>
                string.Create(CultureInfo.InvariantCulture, $"{weight.SetIdentifier} ({weight.Region}) = {weight.Weight}"))));
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Serving RTO budget: {Describe(budgets.Serving)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Write RTO budget: {Describe(budgets.Writes)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"RTO budget (recovery actions): {Describe(budgets.Actions)}");
        text.AppendLine();
        text.AppendLine("Reasons:");
        var number = 1;
        foreach (var reason in decision.Reasons)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{number++}. [{reason.Code}] {SnsText.Line(reason.Message)}");
            foreach (var evidence in reason.Evidence)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   - {SnsText.Line(evidence)}");
            }
        }

        if (notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Evidence gaps:");
            foreach (var note in notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {SnsText.Line(note)}");
            }
        }

        return new Notice(subject, text.ToString().TrimEnd());
    }

    private static string Describe(RtoBudget budget) =>
        budget.Explanation + " (" + string.Join(" + ", budget.Items.Select(item => string.Create(CultureInfo.InvariantCulture, $"{item.Name} {item.Seconds} s"))) + ")";

    private static string Headline(Decision decision) => decision.Action switch
    {
        DecisionAction.None when decision.Reasons.Any(reason => reason.Code == ReasonCode.AutomaticFailoverPaused) =>
            "automatic failover PAUSED, nothing changed",
        DecisionAction.Escalate when decision.Reasons.Any(reason => reason.Code == ReasonCode.PauseStateUnknown) =>
            "pause state unknown, operator decision needed, nothing changed",
        DecisionAction.None => "no action needed",
        DecisionAction.DrainSecondary => $"drain {decision.FailedRegion} in DNS, traffic to {decision.TargetRegion}",
        DecisionAction.Switchover => $"switchover {decision.FailedRegion} -> {decision.TargetRegion} (no data loss)",
        DecisionAction.Failover => $"FAILOVER {decision.FailedRegion} -> {decision.TargetRegion} (data loss allowed)",
        DecisionAction.Escalate => "operator decision needed, nothing changed",
        _ => "recovery aborted: unsafe to act, nothing changed",
    };

    private static string DescribeTrigger(Trigger trigger) => trigger.Kind == TriggerKind.Alarm
        ? $"alarm {trigger.AlarmName} changed to {trigger.AlarmState} in {trigger.SourceRegion}" + (trigger.Reason is { } reason ? $": {reason}" : string.Empty)
        : $"manual {trigger.Mode} requested by {trigger.RequestedBy}" + (trigger.TargetRegion is { } target ? $" to {target}" : string.Empty)
            + (trigger.Force ? " with force" : string.Empty) + (trigger.Reason is { } why ? $": {why}" : string.Empty);

    private static string DescribeDataLoss(Decision decision) => decision.Action switch
    {
        DecisionAction.Switchover => "none (switchover, RPO 0)",
        DecisionAction.Failover when decision.EstimatedDataLossSeconds is { } seconds =>
            $"up to {SnsText.Seconds(seconds)} of committed writes (AuroraGlobalDBRPOLag at decision time)",
        DecisionAction.Failover => "unknown: no AuroraGlobalDBRPOLag measurement (forced)",
        _ => "none (no database change)",
    };
}
