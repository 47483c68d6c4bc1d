using System.Text.Json;
using DrLambdas.LambdaEmulator.Tests.Support;

namespace DrLambdas.LambdaEmulator.Tests.Events;

public sealed class SampleEventsTests
{
    public static TheoryData<string> FunctionEvents() => Files("HealthValidator", "AuroraPromoter", "DnsUpdater");

    public static TheoryData<string> StateMachineInputs() => Files("statemachine");

    [Theory]
    [MemberData(nameof(FunctionEvents))]
    public void FunctionEvent_IsAnObjectWithAKnownOperation(string relativePath)
    {
        var root = Parse(relativePath);

        var operation = root.GetProperty("operation").GetString();
        string[] known = ["assess", "verify", "recovery", "gate", "start", "status", "apply"];
        Assert.Contains(operation, known);
    }

    [Theory]
    [MemberData(nameof(StateMachineInputs))]
    public void StateMachineInput_IsAlarmEventManualDocumentOrExecutionDocument(string relativePath)
    {
        var root = Parse(relativePath);

        var isAlarm = root.TryGetProperty("source", out var source) && source.GetString() == "aws.cloudwatch"
            && root.GetProperty("detail-type").GetString() == "CloudWatch Alarm State Change";
        var isManual = root.TryGetProperty("mode", out var mode)
            && new[] { "failover", "switchover", "failback", "dry-run" }.Contains(mode.GetString());
        var isDocument = root.TryGetProperty("trigger", out _) && root.TryGetProperty("execution", out _);
        Assert.True(isAlarm || isManual || isDocument, relativePath);
    }

    [Fact]
    public void AlarmEvent_CarriesTheFieldsTheTriggerReads()
    {
        var alarm = Parse(Path.Combine("statemachine", "alarm-state-change.json"));

        Assert.Equal("ALARM", alarm.GetProperty("detail").GetProperty("state").GetProperty("value").GetString());
        Assert.Equal("OK", alarm.GetProperty("detail").GetProperty("previousState").GetProperty("value").GetString());
        Assert.False(string.IsNullOrEmpty(alarm.GetProperty("detail").GetProperty("alarmName").GetString()));
        Assert.False(string.IsNullOrEmpty(alarm.GetProperty("time").GetString()));
        Assert.False(string.IsNullOrEmpty(alarm.GetProperty("region").GetString()));
    }

    private static JsonElement Parse(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.EventsDirectory, relativePath)));
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    private static TheoryData<string> Files(params string[] directories)
    {
        var data = new TheoryData<string>();
        foreach (var directory in directories)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.EventsDirectory, directory), "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(TestPaths.EventsDirectory, file));
            }
        }

        return data;
    }
}
