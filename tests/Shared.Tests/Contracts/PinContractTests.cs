using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>HealthValidator <c>pin</c> input and output: the failover machine's pin loop reads and feeds them back.</summary>
public class PinContractTests
{
    private static JsonObject FirstJudgement() => new()
    {
        ["operation"] = "pin",
        ["incidentId"] = "dr-exec-1",
        ["desiredWeights"] = ContractJson.Write(ContractSamples.AllToTokyo),
        ["since"] = null,
        ["attempts"] = 0,
        ["error"] = "AwsTransientException",
        ["cause"] = "{\"errorType\":\"AwsTransientException\"}",
    };

    [Fact]
    public void Read_FirstJudgement_ReadsNullSinceAndZeroAttempts()
    {
        var request = ContractJson.Read<PinRequest>(FirstJudgement());

        Assert.Null(request.Since);
        Assert.Equal(0, request.Attempts);
        Assert.Equal(ContractSamples.AllToTokyo, request.DesiredWeights);
    }

    [Fact]
    public void Read_OutputFedBack_ReadsItsSince()
    {
        var input = FirstJudgement();
        input["since"] = ContractJson.WriteObject(ContractSamples.PinJudgement())["since"]!.DeepClone();

        var request = ContractJson.Read<PinRequest>(input);

        Assert.Equal(ContractSamples.PinJudgement().Since, request.Since);
    }

    [Fact]
    public void Read_UnknownMember_ThrowsJsonException()
    {
        var input = FirstJudgement();
        input["deadline"] = "soon";

        Assert.Throws<JsonException>(() => ContractJson.Read<PinRequest>(input));
    }

    [Fact]
    public void Read_SinceMissing_ThrowsJsonException()
    {
        var input = FirstJudgement();
        input.Remove("since");

        Assert.Throws<JsonException>(() => ContractJson.Read<PinRequest>(input));
    }

    [Fact]
    public void Write_Judgement_HasExactlyTheContractMembers()
    {
        var json = ContractJson.WriteObject(ContractSamples.PinJudgement());

        ContractAssert.HasExactly(json, "state", "since", "attempts", "giveUpAt", "detail");
        Assert.Equal("Pending", json["state"]!.GetValue<string>());
    }
}
