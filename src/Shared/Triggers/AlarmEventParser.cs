using System.Text.Json;
using DrLambdas.Shared.Errors;

namespace DrLambdas.Shared.Triggers;

/// <summary>Reads the EventBridge "CloudWatch Alarm State Change" event.</summary>
internal static class AlarmEventParser
{
    public const string Source = "aws.cloudwatch";
    public const string DetailType = "CloudWatch Alarm State Change";

    public static Trigger Parse(JsonElement root)
    {
        var source = JsonFields.RequiredString(root, "source", "source");
        if (!string.Equals(source, Source, StringComparison.Ordinal))
        {
            throw new InputValidationException("source", $"must be '{Source}', got '{source}'");
        }

        var detailType = JsonFields.RequiredString(root, "detail-type", "detail-type");
        if (!string.Equals(detailType, DetailType, StringComparison.Ordinal))
        {
            throw new InputValidationException("detail-type", $"must be '{DetailType}', got '{detailType}'");
        }

        var detail = JsonFields.RequiredObject(root, "detail", "detail");
        var alarmName = JsonFields.RequiredString(detail, "alarmName", "detail.alarmName");
        var state = JsonFields.RequiredObject(detail, "state", "detail.state");
        var stateValue = ParseState(JsonFields.RequiredString(state, "value", "detail.state.value"), "detail.state.value");
        var stateReason = JsonFields.OptionalString(state, "reason", "detail.state.reason");
        var previousState = PreviousState(detail);

        return Trigger.FromAlarm(
            alarmName,
            stateValue,
            previousState,
            stateReason,
            JsonFields.RequiredString(root, "region", "region"),
            JsonFields.RequiredTimestamp(root, "time", "time"));
    }

    private static AlarmState? PreviousState(JsonElement detail)
    {
        if (!detail.TryGetProperty("previousState", out var previous) || previous.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (previous.ValueKind != JsonValueKind.Object)
        {
            throw new InputValidationException("detail.previousState", $"must be an object, got {JsonFields.Describe(previous)}");
        }

        var value = JsonFields.OptionalString(previous, "value", "detail.previousState.value");
        return value is null ? null : ParseState(value, "detail.previousState.value");
    }

    private static AlarmState ParseState(string value, string path) =>
        AlarmStateNames.Parse(value) ?? throw new InputValidationException(path, $"must be ALARM, OK or INSUFFICIENT_DATA, got '{value}'");
}
