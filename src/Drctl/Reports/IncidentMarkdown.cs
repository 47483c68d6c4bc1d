using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Executions;
using DrLambdas.Drctl.Output;

namespace DrLambdas.Drctl.Reports;

/// <summary>
/// The incident report of one execution as Markdown: who started it and why, the decision with every reason and its
/// evidence, the approval, the verify report (outcome, checks, timeline, RTO, data loss) and the states as run.
/// </summary>
internal static class IncidentMarkdown
{
    public static string Render(ExecutionFacts facts, IReadOnlyList<StateSpan> states)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(states);
        var description = facts.Description;
        var document = facts.Document;
        var text = new StringBuilder();
        var incident = Json.Text(document, "assessment", "incidentId") ?? "dr-" + description.Name;
        Line(text, $"# Incident report {incident}");
        Line(text);
        Line(text, $"- **Execution:** `{description.ExecutionArn}`");
        Line(text, $"- **Status:** {ExecutionStatusNames.ToWire(description.Status)}");
        Line(text, $"- **Started:** {Json.Time(description.StartDate)}" + (description.StopDate is { } stop
            ? $" — **stopped:** {Json.Time(stop)} ({ExecutionFacts.Seconds((stop - description.StartDate).TotalSeconds)})"
            : " — still running"));
        Line(text, $"- **Started by:** {Escape(facts.StartedBy)}" + (facts.Mode is { } mode ? $" (manual `{mode}`{(facts.Forced ? ", forced" : string.Empty)})" : string.Empty));
        if (facts.Reason is { } reason)
        {
            Line(text, $"- **Reason given:** {Escape(reason)}");
        }

        Decision(text, document);
        Approval(text, facts.Approval);
        Report(text, Json.At(document, "report"));
        if (description.Error is not null || Json.At(document, "error") is not null)
        {
            Line(text);
            Line(text, "## Failure");
            Line(text);
            Line(text, $"- **Error:** {Escape(description.Error ?? Json.Text(document, "error", "Error") ?? "-")}");
            Line(text, $"- **Cause:** {Escape(description.Cause ?? Json.Text(document, "error", "Cause") ?? "-")}");
            if (Json.Text(document, "failedStep") is { } step)
            {
                Line(text, $"- **Failed step:** {Escape(step)}");
            }
        }

        if (states.Count > 0)
        {
            Line(text);
            Line(text, "## States");
            Line(text);
            Line(text, "| state | entered | took | failure |");
            Line(text, "|---|---|---|---|");
            foreach (var state in states)
            {
                var took = state.ExitedAt is { } exited ? ExecutionFacts.Seconds((exited - state.EnteredAt).TotalSeconds) : "running";
                Line(text, $"| {Escape(state.Name)} | {Json.Time(state.EnteredAt)} | {took} | {Escape(state.Failure ?? string.Empty)} |");
            }
        }

        return text.ToString();
    }

    private static void Decision(StringBuilder text, JsonNode? document)
    {
        var decision = Json.At(document, "assessment", "decision");
        if (decision is null)
        {
            return;
        }

        Line(text);
        Line(text, $"## Decision: {Json.Text(decision, "action")}");
        Line(text);
        Line(text, $"- **From** {Json.Text(decision, "failedRegion") ?? "-"} **to** {Json.Text(decision, "targetRegion") ?? "-"}");
        Line(text, $"- **Data loss allowed:** {Flag(decision, "allowDataLoss")}, estimated {ExecutionFacts.Seconds(Json.Number(decision, "estimatedDataLossSeconds"))}");
        Line(text, $"- **Forced:** {Flag(decision, "forced")} — **dry run:** {Flag(decision, "dryRun")}");
        if (Json.At(decision, "reasons") is JsonArray reasons)
        {
            Line(text);
            Line(text, "### Reasons");
            foreach (var reason in reasons)
            {
                Line(text);
                Line(text, $"- **{Json.Text(reason, "code")}** — {Escape(Json.Text(reason, "message") ?? string.Empty)}");
                if (Json.At(reason, "evidence") is JsonArray evidence)
                {
                    foreach (var item in evidence)
                    {
                        Line(text, $"  - {Escape(item?.GetValue<string>() ?? string.Empty)}");
                    }
                }
            }
        }
    }

    private static void Approval(StringBuilder text, JsonNode? approval)
    {
        if (approval is not JsonObject fields)
        {
            return;
        }

        Line(text);
        Line(text, "## Approval");
        Line(text);
        foreach (var (name, value) in fields)
        {
            Line(text, $"- **{name}:** {Escape(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "-")}");
        }
    }

    private static void Report(StringBuilder text, JsonNode? report)
    {
        if (report is null)
        {
            return;
        }

        Line(text);
        Line(text, $"## Outcome: {Json.Text(report, "outcome")}");
        Line(text);
        Line(text, Escape(Json.Text(report, "subject") ?? string.Empty));
        if (Json.At(report, "checks") is JsonArray checks && checks.Count > 0)
        {
            Line(text);
            Line(text, "| check | passed | detail |");
            Line(text, "|---|---|---|");
            foreach (var check in checks)
            {
                Line(text, $"| {Json.Text(check, "name")} | {Flag(check, "passed")} | {Escape(Json.Text(check, "detail") ?? string.Empty)} |");
            }
        }

        if (Json.At(report, "timeline") is JsonArray timeline && timeline.Count > 0)
        {
            Line(text);
            Line(text, "### Timeline");
            Line(text);
            foreach (var entry in timeline)
            {
                Line(text, $"- {Json.Text(entry, "at")} {Json.Text(entry, "step")}");
            }
        }

        var rto = Json.At(report, "rto");
        Line(text);
        Line(text, $"### RTO: {ExecutionFacts.Seconds(Json.Number(rto, "measuredSeconds"))} measured to {Json.Text(rto, "measuredTo") ?? "-"}"
            + $" (target {Json.Number(rto, "targetSeconds")?.ToString(CultureInfo.InvariantCulture) ?? "-"} s, budget {Json.Number(rto, "budgetSeconds")?.ToString(CultureInfo.InvariantCulture) ?? "-"} s)");
        if (Json.At(rto, "breakdown") is JsonArray phases)
        {
            Line(text);
            foreach (var phase in phases)
            {
                Line(text, $"- {Json.Text(phase, "name")}: {ExecutionFacts.Seconds(Json.Number(phase, "seconds"))} — {Escape(Json.Text(phase, "detail") ?? string.Empty)}");
            }
        }

        var loss = Json.At(report, "dataLoss");
        Line(text);
        Line(text, $"### Data loss: {ExecutionFacts.Seconds(Json.Number(loss, "estimatedSeconds"))} (allowed: {Flag(loss, "allowed")}) — {Escape(Json.Text(loss, "basis") ?? string.Empty)}");
        Line(text);
        Line(text, $"### DNS pin: {Json.Text(report, "pin", "state") ?? "-"} — {Escape(Json.Text(report, "pin", "detail") ?? string.Empty)}");
    }

    private static string Flag(JsonNode? node, string name) =>
        Json.At(node, name) is JsonValue value && value.TryGetValue<bool>(out var flag) ? (flag ? "yes" : "no") : "-";

    /// <summary>Text from the world goes into table cells and list items: no pipes or line breaks that would re-shape them.</summary>
    private static string Escape(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
