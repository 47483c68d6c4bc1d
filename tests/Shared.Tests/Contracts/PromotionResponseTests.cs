using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>
/// AuroraPromoter outputs: the state machines feed <c>targetClusterArn</c> and <c>startedAt</c> back into
/// <c>status</c> and route on <c>status</c> (Completed / Failed) and <c>timedOut</c>.
/// </summary>
public class PromotionResponseTests
{
    [Fact]
    public void Write_StartOutput_IsTheContractDocument()
    {
        var json = ContractJson.Write(ContractSamples.PromotionStart());

        ContractAssert.JsonEqual(
            """{"outcome":"Started","action":"Failover","targetClusterArn":"arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt","startedAt":"2026-11-26T00:00:03.000Z"}""",
            json);
    }

    [Theory]
    [InlineData(PromotionOutcome.Started, "Started")]
    [InlineData(PromotionOutcome.AlreadyPrimary, "AlreadyPrimary")]
    [InlineData(PromotionOutcome.InProgress, "InProgress")]
    public void Write_StartOutcome_WritesPascalCaseName(PromotionOutcome outcome, string expected)
    {
        var json = ContractJson.WriteObject(ContractSamples.PromotionStart(outcome));

        Assert.Equal(expected, json["outcome"]!.GetValue<string>());
    }

    [Fact]
    public void Write_StatusOutput_IsTheContractDocument()
    {
        var json = ContractJson.Write(ContractSamples.PromotionStatus());

        ContractAssert.JsonEqual(
            """
            {"status":"Completed","targetClusterArn":"arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt","startedAt":"2026-11-26T00:00:03.000Z",
             "elapsedSeconds":58.2,"writerEndpoint":"app-nrt.cluster-c1.ap-northeast-1.rds.amazonaws.com","timedOut":false,"detail":"app-nrt is the global writer.","promoted":true}
            """,
            json);
    }

    [Theory]
    [InlineData(PromotionState.InProgress, "InProgress")]
    [InlineData(PromotionState.Completed, "Completed")]
    [InlineData(PromotionState.Failed, "Failed")]
    [InlineData(PromotionState.NotPromoted, "NotPromoted")]
    public void Write_Status_WritesPascalCaseName(PromotionState status, string expected)
    {
        var json = ContractJson.WriteObject(ContractSamples.PromotionStatus(status));

        Assert.Equal(expected, json["status"]!.GetValue<string>());
    }

    [Fact]
    public void Write_StatusTimedOut_WritesJsonTrue()
    {
        var json = ContractJson.WriteObject(ContractSamples.PromotionStatus(PromotionState.InProgress) with { TimedOut = true });

        Assert.True(json["timedOut"]!.GetValue<bool>());
    }

    [Fact]
    public void Write_StatusWithoutWriterEndpoint_WritesNull()
    {
        var json = ContractJson.WriteObject(ContractSamples.PromotionStatus(PromotionState.InProgress, writerEndpoint: null));

        ContractAssert.IsWrittenNull(json, "writerEndpoint");
    }
}
