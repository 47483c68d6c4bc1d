using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>DnsUpdater <c>apply</c> and <c>status</c> inputs.</summary>
public class DnsRequestTests
{
    [Fact]
    public void Read_ApplySampleEvent_ReadsDesiredWeights()
    {
        var sample = SampleEvents.Load(SampleEvents.DnsApply);
        var expected = sample["desiredWeights"]!.AsArray()
            .Select(weight => new RecordWeight(SampleEvents.Text(weight!, "setIdentifier"), SampleEvents.Text(weight!, "region"), SampleEvents.At(weight!, "weight").GetValue<int>()))
            .ToList();

        var request = ContractJson.Read<DnsApplyRequest>(sample);

        Assert.Equal(expected, request.DesiredWeights);
    }

    [Fact]
    public void Read_ApplyDesiredWeightsFromAssessment_ReadsTheSameWeights()
    {
        var assessment = ContractJson.WriteObject(ContractSamples.Assessment());
        var input = new JsonObject
        {
            ["operation"] = "apply",
            ["incidentId"] = assessment["incidentId"]!.DeepClone(),
            ["desiredWeights"] = assessment["desiredWeights"]!.DeepClone(),
        };

        var request = ContractJson.Read<DnsApplyRequest>(input);

        Assert.Equal(ContractSamples.AllToTokyo, request.DesiredWeights);
    }

    [Fact]
    public void Read_ApplyWeightAsString_ThrowsJsonException()
    {
        var json = SampleEvents.With(SampleEvents.DnsApply, document => document["desiredWeights"]![0]!["weight"] = "0");

        Assert.Throws<JsonException>(() => ContractJson.Read<DnsApplyRequest>(json));
    }

    [Theory]
    [InlineData("setIdentifier")]
    [InlineData("region")]
    [InlineData("weight")]
    public void Read_ApplyWeightMemberMissing_ThrowsJsonException(string member)
    {
        var json = SampleEvents.With(SampleEvents.DnsApply, document => document["desiredWeights"]![1]!.AsObject().Remove(member));

        Assert.Throws<JsonException>(() => ContractJson.Read<DnsApplyRequest>(json));
    }

    [Fact]
    public void Read_StatusSampleEvent_ReadsChangeIdsAndSubmittedAt()
    {
        var sample = SampleEvents.Load(SampleEvents.DnsStatus);

        var request = ContractJson.Read<DnsStatusRequest>(sample);

        Assert.Equal(SampleEvents.Texts(sample, "changeIds"), request.ChangeIds);
        Assert.Equal(SampleEvents.Instant(sample, "submittedAt"), request.SubmittedAt);
    }

    [Fact]
    public void Read_StatusWithoutChanges_ReadsEmptyChangeIds()
    {
        var request = ContractJson.Read<DnsStatusRequest>(SampleEvents.With(SampleEvents.DnsStatus, document => document["changeIds"] = new JsonArray()));

        Assert.Empty(request.ChangeIds);
    }

    [Fact]
    public void Read_StatusChangeIdNotAString_ThrowsJsonException()
    {
        var json = SampleEvents.With(SampleEvents.DnsStatus, document => document["changeIds"] = new JsonArray(42));

        Assert.Throws<JsonException>(() => ContractJson.Read<DnsStatusRequest>(json));
    }

    [Fact]
    public void Read_StatusFromApplyOutput_ReadsTheSameChangesAndSubmittedAt()
    {
        var apply = ContractSamples.DnsApply() with { SubmittedAt = ContractSamples.T0.AddMilliseconds(3456) };
        var output = ContractJson.WriteObject(apply);
        var input = new JsonObject
        {
            ["operation"] = "status",
            ["changeIds"] = output["changeIds"]!.DeepClone(),
            ["submittedAt"] = output["submittedAt"]!.DeepClone(),
            ["incidentId"] = ContractSamples.IncidentId,
        };

        var request = ContractJson.Read<DnsStatusRequest>(input);

        Assert.Equal(apply.ChangeIds, request.ChangeIds);
        Assert.Equal(apply.SubmittedAt, request.SubmittedAt);
    }
}
