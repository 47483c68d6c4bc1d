using System.Text.Json;
using DrLambdas.Shared.Errors;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.Shared.Tests.Triggers;

public class TriggerParserTests
{
    private const string AlarmEvent = """
        {
          "version": "0",
          "id": "c4c1c1c9-6542-e61b-6ef0-8c4d36933a92",
          "detail-type": "CloudWatch Alarm State Change",
          "source": "aws.cloudwatch",
          "account": "111122223333",
          "time": "2026-11-26T00:00:00Z",
          "region": "ap-northeast-1",
          "resources": ["arn:aws:cloudwatch:ap-northeast-1:111122223333:alarm:app-tpe-down"],
          "detail": {
            "alarmName": "app-tpe-down",
            "state": { "value": "ALARM", "reason": "Threshold Crossed: 3 datapoints", "timestamp": "2026-11-26T00:00:00.000+0000" },
            "previousState": { "value": "OK", "reason": "ok", "timestamp": "2026-11-25T23:00:00.000+0000" },
            "configuration": { "metrics": [] }
          }
        }
        """;

    [Fact]
    public void Parse_AlarmStateChangeEvent_YieldsAlarmTrigger()
    {
        var trigger = TriggerParser.Parse(AlarmEvent);

        Assert.Equal(
            Trigger.FromAlarm("app-tpe-down", AlarmState.Alarm, AlarmState.Ok, "Threshold Crossed: 3 datapoints", "ap-northeast-1",
                new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero)),
            trigger);
    }

    [Fact]
    public void Parse_AlarmEventWithoutPreviousState_LeavesItUnset()
    {
        var trigger = TriggerParser.Parse(Mutate(AlarmEvent, root => root.RemovePath("detail.previousState")));

        Assert.Null(trigger.PreviousAlarmState);
        Assert.Equal(AlarmState.Alarm, trigger.AlarmState);
    }

    [Theory]
    [InlineData("OK", AlarmState.Ok)]
    [InlineData("INSUFFICIENT_DATA", AlarmState.InsufficientData)]
    public void Parse_AlarmStateValue_MapsToEnum(string value, AlarmState expected)
    {
        var trigger = TriggerParser.Parse(AlarmEvent.Replace("\"value\": \"ALARM\"", $"\"value\": \"{value}\"", StringComparison.Ordinal));

        Assert.Equal(expected, trigger.AlarmState);
    }

    [Fact]
    public void Parse_ManualDocument_YieldsManualTrigger()
    {
        var trigger = TriggerParser.Parse("""{"mode":"failover","targetRegion":"ap-northeast-1","reason":"Taiwan outage","force":true,"requestedBy":"alice"}""");

        Assert.Equal(Trigger.FromManual(TriggerMode.Failover, "ap-northeast-1", "Taiwan outage", true, "alice"), trigger);
        Assert.Equal(TriggerKind.Manual, trigger.Kind);
    }

    [Theory]
    [InlineData("failover", TriggerMode.Failover)]
    [InlineData("switchover", TriggerMode.Switchover)]
    [InlineData("failback", TriggerMode.Failback)]
    [InlineData("dry-run", TriggerMode.DryRun)]
    public void Parse_ManualMode_MapsToEnum(string mode, TriggerMode expected)
    {
        var trigger = TriggerParser.Parse($$"""{"mode":"{{mode}}","reason":"drill","requestedBy":"bob"}""");

        Assert.Equal(expected, trigger.Mode);
        Assert.False(trigger.Force);
        Assert.Null(trigger.TargetRegion);
    }

    [Fact]
    public void Parse_ExplicitForceFalse_NotForced()
    {
        var trigger = TriggerParser.Parse("""{"mode":"failover","reason":"drill","requestedBy":"bob","force":false}""");

        Assert.False(trigger.Force);
    }

    [Fact]
    public void Parse_JsonElement_ReadsTriggerSection()
    {
        using var document = JsonDocument.Parse("""{"trigger":{"mode":"dry-run","reason":"drill","requestedBy":"bob","force":null}}""");

        var trigger = TriggerParser.Parse(document.RootElement.GetProperty("trigger"));

        Assert.Equal(TriggerMode.DryRun, trigger.Mode);
    }

    public static TheoryData<string, string, string> MalformedInputs => new()
    {
        { "not json", "$", "is not valid JSON" },
        { "[1,2]", "$", "must be a JSON object, got an array" },
        { "null", "$", "must be a JSON object, got null" },
        { """{"mode":{},"reason":"r","requestedBy":"a"}""", "mode", "must be a string, got an object" },
        { "{}", "mode", "is required: the input is neither an EventBridge alarm event" },
        { """{"mode":"panic","reason":"r","requestedBy":"a"}""", "mode", "must be failover, switchover, failback or dry-run, got 'panic'" },
        { """{"mode":7,"reason":"r","requestedBy":"a"}""", "mode", "must be a string, got a number" },
        { """{"mode":"failover","requestedBy":"a"}""", "reason", "is required" },
        { """{"mode":"failover","reason":"  ","requestedBy":"a"}""", "reason", "must not be empty" },
        { """{"mode":"failover","reason":"r"}""", "requestedBy", "is required" },
        { """{"mode":"failover","reason":"r","requestedBy":"a","force":"yes"}""", "force", "must be true or false, got a string" },
        { """{"mode":"failover","reason":"r","requestedBy":"a","forse":true}""", "forse", "is not a known field" },
        { """{"mode":"failover","reason":"r","requestedBy":"a","targetRegion":"Tokyo"}""", "targetRegion", "must be an AWS Region name" },
        { """{"source":"aws.ec2","detail-type":"CloudWatch Alarm State Change"}""", "source", "must be 'aws.cloudwatch', got 'aws.ec2'" },
        { """{"source":"aws.cloudwatch","detail-type":"EC2 Instance State-change Notification"}""", "detail-type", "must be 'CloudWatch Alarm State Change'" },
        { """{"detail-type":"CloudWatch Alarm State Change"}""", "source", "is required" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void Parse_MalformedInput_ThrowsNamingTheField(string json, string field, string problem)
    {
        var exception = Assert.Throws<InputValidationException>(() => TriggerParser.Parse(json));

        Assert.Equal(field, exception.Field);
        Assert.StartsWith(problem, exception.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid input at '{field}': ", exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> MalformedAlarmEvents => new()
    {
        { "detail", "detail" },
        { "detail.alarmName", "detail.alarmName" },
        { "detail.state", "detail.state" },
        { "detail.state.value", "detail.state.value" },
        { "time", "time" },
        { "region", "region" },
    };

    [Theory]
    [MemberData(nameof(MalformedAlarmEvents))]
    public void Parse_AlarmEventMissingField_ThrowsNamingIt(string removed, string field)
    {
        var exception = Assert.Throws<InputValidationException>(() => TriggerParser.Parse(Mutate(AlarmEvent, root => root.RemovePath(removed))));

        Assert.Equal(field, exception.Field);
        Assert.Equal("is required", exception.Problem);
    }

    public static TheoryData<string, string, string> WrongAlarmValues => new()
    {
        { "detail", "\"x\"", "must be an object, got a string" },
        { "detail.state.value", "\"BROKEN\"", "must be ALARM, OK or INSUFFICIENT_DATA, got 'BROKEN'" },
        { "detail.previousState", "[]", "must be an object, got an array" },
        { "detail.previousState.value", "\"MAYBE\"", "must be ALARM, OK or INSUFFICIENT_DATA, got 'MAYBE'" },
        { "time", "\"yesterday\"", "must be an ISO-8601 timestamp, got 'yesterday'" },
        { "time", "true", "must be a string, got a boolean" },
        { "detail.alarmName", "null", "is required" },
    };

    [Theory]
    [MemberData(nameof(WrongAlarmValues))]
    public void Parse_AlarmEventWrongValue_ThrowsNamingTheField(string path, string json, string problem)
    {
        var exception = Assert.Throws<InputValidationException>(() => TriggerParser.Parse(Mutate(AlarmEvent, root => root.SetPath(path, json))));

        Assert.Equal(path, exception.Field);
        Assert.Equal(problem, exception.Problem);
    }

    [Fact]
    public void Parse_NullText_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => TriggerParser.Parse((string)null!));
    }

    private static string Mutate(string json, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        change(root);
        return root.ToJsonString();
    }
}

/// <summary>Dotted-path edits of a JSON object for building malformed events.</summary>
internal static class JsonPathEdits
{
    public static void RemovePath(this System.Text.Json.Nodes.JsonObject root, string path)
    {
        var (parent, name) = Locate(root, path);
        parent.Remove(name);
    }

    public static void SetPath(this System.Text.Json.Nodes.JsonObject root, string path, string json)
    {
        var (parent, name) = Locate(root, path);
        parent[name] = System.Text.Json.Nodes.JsonNode.Parse(json);
    }

    private static (System.Text.Json.Nodes.JsonObject Parent, string Name) Locate(System.Text.Json.Nodes.JsonObject root, string path)
    {
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => node[part]!.AsObject());
        return (parent, parts[^1]);
    }
}
