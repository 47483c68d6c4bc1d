using System.Text.Json;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>PutCompositeAlarm's input as sent, whichever protocol carried it.</summary>
internal sealed record CompositeAlarmRequest(
    string? AlarmName, string? AlarmRule, bool? ActionsEnabled, string? AlarmDescription, int ActionCount);

/// <summary>Reads PutCompositeAlarm and checks it as CloudWatch does: a parsable rule over alarms that exist in the Region.</summary>
internal static class CompositeAlarmRequests
{
    private const int MaxRuleLength = 10_240;
    private static readonly string[] ActionLists = ["AlarmActions", "OKActions", "InsufficientDataActions"];

    public static CompositeAlarmRequest Read(AwsCall call)
    {
        if (call.Protocol == AwsProtocol.Json)
        {
            var b = JsonReplies.ParseObject(call.Body);
            var actions = ActionLists
                .Sum(name => b.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0);
            return new CompositeAlarmRequest(JsonReplies.String(b, "AlarmName"), JsonReplies.String(b, "AlarmRule"),
                JsonReplies.Bool(b, "ActionsEnabled"), JsonReplies.String(b, "AlarmDescription"), actions);
        }

        var p = call.Parameters;
        var count = ActionLists
            .Sum(list => QueryParameters.List(p, list + ".member").Count);
        return new CompositeAlarmRequest(p.GetValueOrDefault("AlarmName"), p.GetValueOrDefault("AlarmRule"),
            QueryParameters.Bool(p, "ActionsEnabled"), p.GetValueOrDefault("AlarmDescription"), count);
    }

    /// <summary>The composite alarm the request defines in <paramref name="region"/>, or the error CloudWatch answers.</summary>
    public static CompositeAlarmDefinition Validate(CompositeAlarmRequest r, string region, DateTimeOffset now, AlarmBoard alarms)
    {
        var name = r.AlarmName is { Length: > 0 } given ? given : throw new LabError("MissingParameter", "The parameter AlarmName is required.");
        if (name.Length > 255)
        {
            throw new LabError("ValidationError", $"1 validation error detected: Value '{name}' at 'alarmName' failed to satisfy constraint: Member must have length less than or equal to 255");
        }

        var text = r.AlarmRule is { Length: > 0 } ruleText ? ruleText : throw new LabError("MissingParameter", "The parameter AlarmRule is required.");
        if (text.Length > MaxRuleLength)
        {
            throw new LabError("ValidationError", $"The AlarmRule must be at most {MaxRuleLength} characters.");
        }

        if (r.ActionCount > 0)
        {
            throw new LabError("InvalidParameterValue", "Composite alarm actions are not modelled by the lab; route the state change through EventBridge.");
        }

        var rule = AlarmRule.Parse(text);
        var missing = rule.Alarms.Where(alarm => alarms.StateOf(region, alarm) is null || alarm == name).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new LabError("ValidationError",
                $"Could not save the composite alarm as alarms [{string.Join(", ", missing)}] in the alarm rule do not exist");
        }

        return new CompositeAlarmDefinition(name, region, text, rule, r.ActionsEnabled ?? true, r.AlarmDescription, now);
    }
}
