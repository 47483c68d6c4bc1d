using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>HealthValidator <c>assess</c> input: <c>{"operation":"assess","trigger":{...},"execution":{...}}</c>.</summary>
public class AssessRequestTests
{
    [Theory]
    [InlineData(SampleEvents.AssessAlarm)]
    [InlineData(SampleEvents.AssessManual)]
    public void Read_SampleEvent_KeepsTriggerExactlyAsReceived(string sample)
    {
        var document = SampleEvents.Load(sample);

        var request = ContractJson.Read<AssessRequest>(document);

        Assert.True(JsonNode.DeepEquals(document["trigger"], JsonNode.Parse(request.Trigger.GetRawText())));
    }

    [Fact]
    public void Read_AlarmSampleEvent_ReadsExecutionIdentity()
    {
        var sample = SampleEvents.Load(SampleEvents.AssessAlarm);

        var request = ContractJson.Read<AssessRequest>(sample);

        Assert.Equal(
            new ExecutionReference(
                SampleEvents.Text(sample, "execution.id"),
                SampleEvents.Text(sample, "execution.name"),
                SampleEvents.Instant(sample, "execution.startTime")),
            request.Execution);
    }

    [Fact]
    public void Read_StepFunctionsStartTimeWithMilliseconds_KeepsMilliseconds()
    {
        var json = SampleEvents.With(SampleEvents.AssessAlarm, document => document["execution"]!["startTime"] = "2026-11-26T00:00:01.234Z");

        var request = ContractJson.Read<AssessRequest>(json);

        Assert.Equal(ContractSamples.T0.AddMilliseconds(1234), request.Execution.StartTime);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("startTime")]
    public void Read_ExecutionMemberMissing_ThrowsJsonException(string member)
    {
        var json = SampleEvents.With(SampleEvents.AssessAlarm, document => document["execution"]!.AsObject().Remove(member));

        Assert.Throws<JsonException>(() => ContractJson.Read<AssessRequest>(json));
    }

    [Fact]
    public void Read_ExecutionStartTimeNotATimestamp_ThrowsJsonException()
    {
        var json = SampleEvents.With(SampleEvents.AssessAlarm, document => document["execution"]!["startTime"] = "yesterday");

        Assert.Throws<JsonException>(() => ContractJson.Read<AssessRequest>(json));
    }

    [Fact]
    public void Read_ExecutionNotAnObject_ThrowsJsonException()
    {
        var json = SampleEvents.With(SampleEvents.AssessAlarm, document => document["execution"] = "exec-20261126-0000");

        Assert.Throws<JsonException>(() => ContractJson.Read<AssessRequest>(json));
    }
}
