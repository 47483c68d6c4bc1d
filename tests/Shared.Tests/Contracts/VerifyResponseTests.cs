using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>HealthValidator <c>verify</c> output: the failover machine mails <c>report.subject/summary</c> and routes on <c>report.outcome</c>.</summary>
public class VerifyResponseTests
{
    [Fact]
    public void Write_Report_HasExactlyTheContractMembers()
    {
        var json = ContractJson.WriteObject(ContractSamples.Report());

        ContractAssert.HasExactly(json, "outcome", "subject", "summary", "checks", "timeline", "rto", "dataLoss", "reasons");
    }

    [Theory]
    [InlineData(VerifyOutcome.Recovered, "Recovered")]
    [InlineData(VerifyOutcome.Degraded, "Degraded")]
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
    public void Write_Rto_WritesMeasuredTargetBudgetAndBreakdown()
    {
        var json = ContractJson.WriteObject(ContractSamples.Report());

        ContractAssert.JsonEqual(
            """{"measuredSeconds":102.5,"targetSeconds":60,"budgetSeconds":215,"breakdown":[{"name":"promotion","seconds":58.2,"detail":"start to writer"}]}""",
            json["rto"]);
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
