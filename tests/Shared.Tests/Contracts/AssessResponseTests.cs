using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>
/// HealthValidator <c>assess</c> output: the failover machine routes on <c>assessment.decision.action</c> and
/// <c>.dryRun</c>, and passes <c>incidentId</c>, <c>decision.targetRegion/targetClusterArn/allowDataLoss</c>,
/// <c>desiredWeights</c> and <c>notice.subject/message</c> on.
/// </summary>
public class AssessResponseTests
{
    [Fact]
    public void Write_Assessment_HasExactlyTheContractMembers()
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment());

        ContractAssert.HasExactly(json, "incidentId", "assessedAt", "trigger", "decision", "desiredWeights", "signals", "rtoBudget", "notice", "durationMs", "servingRtoBudget", "writeRtoBudget");
    }

    [Fact]
    public void Write_Decision_HasExactlyTheContractMembers()
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment());

        ContractAssert.HasExactly(
            json["decision"],
            "action", "failedRegion", "targetRegion", "targetClusterArn", "globalClusterId", "allowDataLoss", "estimatedDataLossSeconds", "forced", "dryRun", "reasons", "drainFirst", "pause");
    }

    [Theory]
    [InlineData(DecisionAction.None, "None")]
    [InlineData(DecisionAction.DrainSecondary, "DrainSecondary")]
    [InlineData(DecisionAction.Switchover, "Switchover")]
    [InlineData(DecisionAction.Failover, "Failover")]
    [InlineData(DecisionAction.Escalate, "Escalate")]
    [InlineData(DecisionAction.Abort, "Abort")]
    public void Write_DecisionAction_WritesPascalCaseName(DecisionAction action, string expected)
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment(ContractSamples.Decision(action)));

        Assert.Equal(expected, json["decision"]!["action"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Write_DryRun_WritesJsonBoolean(bool dryRun)
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment(ContractSamples.Decision(dryRun: dryRun)));

        Assert.Equal(dryRun, json["decision"]!["dryRun"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("failedRegion")]
    [InlineData("targetRegion")]
    [InlineData("targetClusterArn")]
    [InlineData("estimatedDataLossSeconds")]
    public void Write_DecisionWithoutTarget_WritesNullRatherThanOmitting(string member)
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment(ContractSamples.NoActionDecision));

        ContractAssert.IsWrittenNull(json["decision"]!.AsObject(), member);
    }

    [Fact]
    public void Write_Reasons_WriteCodeMessageAndEvidence()
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment());

        ContractAssert.JsonEqual(
            """[{"code":"PrimaryDownByQuorum","message":"3 of 4 signal kinds agree ap-east-2 is down.","evidence":["probe:ap-northeast-1→ap-east-2 unhealthy: timeout"]}]""",
            json["decision"]!["reasons"]);
    }

    [Fact]
    public void Write_Trigger_WritesKindAndModeAsPascalCaseWithNulls()
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment());

        ContractAssert.JsonEqual(
            """{"kind":"Alarm","mode":"Automatic","alarmName":"app-tpe-down","reason":"Threshold Crossed","requestedBy":null,"force":false}""",
            json["trigger"]);
    }

    [Fact]
    public void Write_ManualDryRunTrigger_WritesModeDryRun()
    {
        var trigger = new TriggerSummary(TriggerKind.Manual, TriggerMode.DryRun, null, "rehearsal", "carol", Force: false);

        var json = ContractJson.WriteObject(ContractSamples.Assessment(trigger: trigger));

        Assert.Equal(("Manual", "DryRun"), (json["trigger"]!["kind"]!.GetValue<string>(), json["trigger"]!["mode"]!.GetValue<string>()));
    }

    [Fact]
    public void Write_DesiredWeights_WriteSetIdentifierRegionAndWeight()
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment());

        ContractAssert.JsonEqual(
            """[{"setIdentifier":"tpe","region":"ap-east-2","weight":0},{"setIdentifier":"nrt","region":"ap-northeast-1","weight":100}]""",
            json["desiredWeights"]);
    }

    [Fact]
    public void Write_Signals_WriteEnumNamesAndUtcObservedAt()
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment());

        ContractAssert.JsonEqual(
            """[{"kind":"Probe","region":"ap-east-2","observer":"ap-northeast-1","verdict":"Unhealthy","detail":"3/3 attempts timed out","observedAt":"2026-11-26T00:00:02.100Z"}]""",
            json["signals"]);
    }

    [Fact]
    public void Write_RtoBudget_WritesContractMembers()
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment());

        ContractAssert.JsonEqual(
            """
            {"targetSeconds":60,"totalSeconds":215,"reachable":false,
             "items":[{"name":"detection","seconds":90,"explanation":"Route 53 health check 30 s × 3 failures"}],
             "explanation":"Detection alone exceeds the target."}
            """,
            json["rtoBudget"]);
    }

    [Fact]
    public void Write_Notice_WritesSubjectAndMessage()
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment());

        ContractAssert.JsonEqual("""{"subject":"[DR] Failover of ap-east-2 to ap-northeast-1 started","message":"Failover started."}""", json["notice"]);
    }

    [Fact]
    public void Write_AssessedAtAndDuration_WriteUtcTimestampAndMilliseconds()
    {
        var json = ContractJson.WriteObject(ContractSamples.Assessment());

        Assert.Equal(("2026-11-26T00:00:02.412Z", 412L), (json["assessedAt"]!.GetValue<string>(), json["durationMs"]!.GetValue<long>()));
    }

    [Fact]
    public void Read_WrittenAssessment_WritesBackIdentically()
    {
        var written = ContractJson.Write(ContractSamples.Assessment());

        var rewritten = ContractJson.Write(ContractJson.Read<AssessResponse>(written));

        ContractAssert.JsonEqual(written.ToJsonString(), rewritten);
    }
}
