using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>HealthValidator <c>verify</c> output: the failover machine mails <c>report.subject/summary</c> and routes on <c>report.outcome</c>.</summary>
public class VerifyResponseTests
{
    [Fact]
    public void Write_Report_HasExactlyTheContractMembers()
    {
        var json = ContractJson.WriteObject(ContractSamples.Report());

        ContractAssert.HasExactly(json, "outcome", "subject", "summary", "checks", "timeline", "rto", "dataLoss", "reasons", "pin");
    }

    [Theory]
    [InlineData(VerifyOutcome.Recovered, "Recovered")]
    [InlineData(VerifyOutcome.Degraded, "Degraded")]
    [InlineData(VerifyOutcome.Failed, "Failed")]
    public void Write_Outcome_WritesPascalCaseName(VerifyOutcome outcome, string expected)
    {
        var json = ContractJson.WriteObject(ContractSamples.Report(outcome));

        Assert.Equal(expected, json["outcome"]!.GetValue<string>());
    }

    [Fact]
    public void Write_ChecksAndTimeline_WriteContractMembers()
    {
        var json = ContractJson.WriteObject(ContractSamples.Report());

        ContractAssert.JsonEqual(
            """
            {"checks":[{"name":"target-writer","passed":true,"detail":"app-nrt is the writer"}],
             "timeline":[{"step":"PromotionStarted","at":"2026-11-26T00:00:03.000Z"}]}
            """,
            new System.Text.Json.Nodes.JsonObject { ["checks"] = json["checks"]!.DeepClone(), ["timeline"] = json["timeline"]!.DeepClone() });
    }

    [Fact]
    public void Write_Rto_WritesMeasuredTargetBudgetBreakdownAndEndPoint()
    {
        var json = ContractJson.WriteObject(ContractSamples.Report());

        ContractAssert.JsonEqual(
            """{"measuredSeconds":102.5,"targetSeconds":60,"budgetSeconds":215,"breakdown":[{"name":"promotion","seconds":58.2,"detail":"start to writer"}],"measuredTo":"PromotionCompleted"}""",
            json["rto"]);
    }

    [Theory]
    [InlineData(PinState.Landed, "Landed")]
    [InlineData(PinState.Pending, "Pending")]
    [InlineData(PinState.Failed, "Failed")]
    public void Write_Pin_WritesStateAndDetail(PinState state, string expected)
    {
        var json = ContractJson.WriteObject(ContractSamples.Report(pin: state));

        ContractAssert.JsonEqual($$"""{"state":"{{expected}}","detail":"tpe=0 (desired 0), nrt=100 (desired 100)"}""", json["pin"]);
    }

    [Fact]
    public void Write_DataLoss_WritesEstimateAllowedAndBasis()
    {
        var json = ContractJson.WriteObject(ContractSamples.Report());

        ContractAssert.JsonEqual("""{"estimatedSeconds":0.8,"allowed":true,"basis":"AuroraGlobalDBRPOLag at decision time"}""", json["dataLoss"]);
    }

    [Fact]
    public void Write_UnmeasuredDataLoss_WritesNullEstimate()
    {
        var json = ContractJson.WriteObject(ContractSamples.Report(estimatedDataLossSeconds: null));

        ContractAssert.IsWrittenNull(json["dataLoss"]!.AsObject(), "estimatedSeconds");
    }
}
