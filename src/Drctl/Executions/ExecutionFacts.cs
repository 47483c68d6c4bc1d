using System.Globalization;
using System.Text.Json.Nodes;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Output;

namespace DrLambdas.Drctl.Executions;

/// <summary>
/// What an execution's input and document say (docs/contracts.md section 4): who started it and why, the decision,
/// the outcome, the measured RTO and data loss, the approval. A section the execution never wrote stays null.
/// </summary>
internal sealed record ExecutionFacts(
    ExecutionDescription Description,
    JsonNode? Input,
    JsonNode? Document)
{
    /// <summary>The document's trigger: the input exactly as received.</summary>
    public JsonNode? Trigger => Json.At(Document, "trigger") ?? Input;

    /// <summary>The mode a manual document asked for (<c>failover</c>, <c>switchover</c>, <c>failback</c>, <c>dry-run</c>).</summary>
    public string? Mode => Json.Text(Trigger, "mode");

    /// <summary>Who started it: the operator's identity, the alarm, or the schedule.</summary>
    public string StartedBy =>
        Json.Text(Trigger, "requestedBy") is { } who ? who
        : Json.Text(Trigger, "detail", "alarmName") is { } alarm ? "alarm " + alarm
        : Json.Text(Trigger, "source") is "aws.events" ? "schedule"
        : "unknown";

    /// <summary>The operator's reason, when a person started it.</summary>
    public string? Reason => Json.Text(Trigger, "reason");

    /// <summary>Whether the operator forced the gates.</summary>
    public bool Forced => Json.At(Trigger, "force") is JsonValue value && value.TryGetValue<bool>(out var force) && force;

    /// <summary>The decided action (failover machine), e.g. <c>Failover</c>.</summary>
    public string? Decision => Json.Text(Document, "assessment", "decision", "action");

    /// <summary>The incident report's outcome (<c>Recovered</c>, <c>Degraded</c>, <c>Failed</c>) when verify ran.</summary>
    public string? Outcome => Json.Text(Document, "report", "outcome");

    /// <summary>The measured RTO in seconds, when verify ran.</summary>
    public double? RtoSeconds => Json.Number(Document, "report", "rto", "measuredSeconds");

    /// <summary>The estimated data loss in seconds, when known.</summary>
    public double? DataLossSeconds =>
        Json.Number(Document, "report", "dataLoss", "estimatedSeconds") ?? Json.Number(Document, "assessment", "decision", "estimatedDataLossSeconds");

    /// <summary>The approval (approver, reason) the approval gate recorded under <c>approvalGate.approval</c>, when there was one.</summary>
    public JsonNode? Approval => Json.At(Document, "approvalGate", "approval");

    /// <summary>Reads the facts of a described execution.</summary>
    public static ExecutionFacts Of(ExecutionDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return new ExecutionFacts(description, Json.Parse(description.Input), Json.Parse(description.Output));
    }

    /// <summary>Seconds with one decimal, or a dash.</summary>
    public static string Seconds(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-";

    /// <summary>The facts as the <c>--json</c> document of one execution.</summary>
    public JsonObject ToJson() => new()
    {
        ["executionArn"] = Description.ExecutionArn,
        ["name"] = Description.Name,
        ["stateMachineArn"] = Description.StateMachineArn,
        ["status"] = ExecutionStatusNames.ToWire(Description.Status),
        ["startDate"] = Json.Time(Description.StartDate),
        ["stopDate"] = Json.Time(Description.StopDate),
        ["startedBy"] = StartedBy,
        ["mode"] = Mode,
        ["reason"] = Reason,
        ["forced"] = Forced,
        ["decision"] = Decision,
        ["outcome"] = Outcome,
        ["rtoSeconds"] = RtoSeconds,
        ["dataLossSeconds"] = DataLossSeconds,
        ["approval"] = Approval?.DeepClone(),
        ["error"] = Description.Error,
        ["cause"] = Description.Cause,
    };
}
