using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>AuroraPromoter <c>start</c> and <c>status</c> inputs.</summary>
public class PromotionRequestTests
{
    [Fact]
    public void Read_StartFailoverSampleEvent_ReadsEveryMember()
    {
        var sample = SampleEvents.Load(SampleEvents.StartFailover);

        var request = ContractJson.Read<PromotionStartRequest>(sample);

        Assert.Equal(
            new PromotionStartRequest(
                SampleEvents.Text(sample, "operation"),
                SampleEvents.Text(sample, "incidentId"),
                SampleEvents.Text(sample, "action"),
                SampleEvents.Text(sample, "targetRegion"),
                SampleEvents.Text(sample, "targetClusterArn"),
                SampleEvents.At(sample, "allowDataLoss").GetValue<bool>()),
            request);
    }

    [Fact]
    public void Read_StartSwitchoverSampleEvent_DisallowsDataLoss()
    {
        var request = ContractJson.Read<PromotionStartRequest>(SampleEvents.Load(SampleEvents.StartSwitchover));

        Assert.Equal(("Switchover", false), (request.Action, request.AllowDataLoss));
    }

    [Fact]
    public void Read_StartAllowDataLossAsString_ThrowsJsonException()
    {
        var json = SampleEvents.With(SampleEvents.StartFailover, document => document["allowDataLoss"] = "true");

        Assert.Throws<JsonException>(() => ContractJson.Read<PromotionStartRequest>(json));
    }

    [Fact]
    public void Read_StatusSampleEvent_ReadsStartedAtAsUtc()
    {
        var sample = SampleEvents.Load(SampleEvents.PromotionStatus);

        var request = ContractJson.Read<PromotionStatusRequest>(sample);

        Assert.Equal(new PromotionStatusRequest("status", SampleEvents.Text(sample, "targetClusterArn"), SampleEvents.Instant(sample, "startedAt")), request);
        Assert.Equal(TimeSpan.Zero, request.StartedAt.Offset);
    }

    [Fact]
    public void Read_StatusWithIncidentId_ReadsIt()
    {
        var request = ContractJson.Read<PromotionStatusRequest>(SampleEvents.With(SampleEvents.PromotionStatus, document => document["incidentId"] = ContractSamples.IncidentId));

        Assert.Equal(ContractSamples.IncidentId, request.IncidentId);
    }

    [Theory]
    [InlineData("\"26/11/2026 00:00:03\"")]
    [InlineData("\"\"")]
    [InlineData("1795651203")]
    public void Read_StatusStartedAtNotAnIsoTimestamp_ThrowsJsonException(string startedAt)
    {
        var json = SampleEvents.With(SampleEvents.PromotionStatus, document => document["startedAt"] = JsonNode.Parse(startedAt));

        Assert.Throws<JsonException>(() => ContractJson.Read<PromotionStatusRequest>(json));
    }

    [Fact]
    public void Read_StatusFromStartOutput_KeepsStartedAtToTheMillisecond()
    {
        var start = ContractSamples.PromotionStart() with { StartedAt = ContractSamples.T0.AddMilliseconds(3217) };
        var output = ContractJson.WriteObject(start);
        var input = new JsonObject
        {
            ["operation"] = "status",
            ["targetClusterArn"] = output["targetClusterArn"]!.DeepClone(),
            ["startedAt"] = output["startedAt"]!.DeepClone(),
        };

        var request = ContractJson.Read<PromotionStatusRequest>(input);

        Assert.Equal(start.StartedAt, request.StartedAt);
    }
}
