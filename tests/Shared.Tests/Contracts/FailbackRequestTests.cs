using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>HealthValidator <c>recovery</c> and <c>gate</c> inputs.</summary>
public class FailbackRequestTests
{
    [Fact]
    public void Read_RecoverySampleEvent_ReadsHistoryOldestFirst()
    {
        var sample = SampleEvents.Load(SampleEvents.Recovery);
        var expected = sample["history"]!.AsArray()
            .Select(check => new ReadinessCheck(SampleEvents.Instant(check!, "at"), SampleEvents.At(check!, "healthy").GetValue<bool>(), (string?)check!["detail"]))
            .ToList();

        var request = ContractJson.Read<RecoveryRequest>(sample);

        Assert.Equal(expected, request.History);
    }

    [Fact]
    public void Read_RecoveryWithoutIncidentId_IncidentIdIsNull()
    {
        var request = ContractJson.Read<RecoveryRequest>(SampleEvents.Load(SampleEvents.Recovery));

        Assert.Null(request.IncidentId);
    }

    [Fact]
    public void Read_RecoveryWithIncidentId_ReadsIt()
    {
        var request = ContractJson.Read<RecoveryRequest>(SampleEvents.With(SampleEvents.Recovery, document => document["incidentId"] = "dr-failback-1"));

        Assert.Equal("dr-failback-1", request.IncidentId);
    }

    [Fact]
    public void Read_RecoveryFirstCheckEmptyHistory_ReadsNoChecks()
    {
        // The failback machine starts with "recovery": {"history": []}.
        var request = ContractJson.Read<RecoveryRequest>("""{"operation":"recovery","history":[]}""");

        Assert.Empty(request.History);
    }

    [Fact]
    public void Read_RecoveryHistoryFedBackFromOutput_ReadsSameChecks()
    {
        var output = ContractJson.WriteObject(ContractSamples.ReadyRecovery);
        var input = new JsonObject { ["operation"] = "recovery", ["history"] = output["history"]!.DeepClone() };

        var request = ContractJson.Read<RecoveryRequest>(input);

        Assert.Equal(ContractSamples.ReadyRecovery.History, request.History);
    }

    [Theory]
    [InlineData("at")]
    [InlineData("healthy")]
    public void Read_HistoryEntryMemberMissing_ThrowsJsonException(string member)
    {
        var json = SampleEvents.With(SampleEvents.Recovery, document => document["history"]![0]!.AsObject().Remove(member));

        Assert.Throws<JsonException>(() => ContractJson.Read<RecoveryRequest>(json));
    }

    [Fact]
    public void Read_HistoryNotAnArray_ThrowsJsonException()
    {
        var json = SampleEvents.With(SampleEvents.Recovery, document => document["history"] = new JsonObject());

        Assert.Throws<JsonException>(() => ContractJson.Read<RecoveryRequest>(json));
    }

    [Fact]
    public void Read_GateSampleEvent_ReadsRegion()
    {
        var sample = SampleEvents.Load(SampleEvents.Gate);

        var request = ContractJson.Read<GateRequest>(sample);

        Assert.Equal(SampleEvents.Text(sample, "region"), request.Region);
    }

    [Fact]
    public void Read_GateRegionNotAString_ThrowsJsonException()
    {
        var json = SampleEvents.With(SampleEvents.Gate, document => document["region"] = new JsonArray("ap-east-2"));

        Assert.Throws<JsonException>(() => ContractJson.Read<GateRequest>(json));
    }
}
