namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>
/// HealthValidator <c>recovery</c> and <c>gate</c> outputs: the failback machine routes on <c>recovery.ready</c>,
/// feeds <c>recovery.history</c> back, walks <c>recovery.plan.steps[*].weights/bakeSeconds</c> and rolls back
/// to <c>recovery.plan.rollbackWeights</c>.
/// </summary>
public class FailbackResponseTests
{
    [Fact]
    public void Write_ReadyRecovery_HasExactlyTheContractMembers()
    {
        var json = ContractJson.WriteObject(ContractSamples.ReadyRecovery);

        ContractAssert.HasExactly(json, "ready", "healthyStreak", "required", "history", "check", "plan");
    }

    [Fact]
    public void Write_NotReadyRecovery_OmitsPlan()
    {
        var json = ContractJson.WriteObject(ContractSamples.NotReadyRecovery);

        Assert.False(json.ContainsKey("plan"));
    }

    [Fact]
    public void Write_NotReadyRecovery_WritesReadyFalseAndStreak()
    {
        var json = ContractJson.WriteObject(ContractSamples.NotReadyRecovery);

        Assert.Equal((false, 1, 3), (json["ready"]!.GetValue<bool>(), json["healthyStreak"]!.GetValue<int>(), json["required"]!.GetValue<int>()));
    }

    [Fact]
    public void Write_Plan_WritesStepsAndRollbackWeights()
    {
        var json = ContractJson.WriteObject(ContractSamples.ReadyRecovery);

        ContractAssert.JsonEqual(
            """
            {"steps":[
               {"weights":[{"setIdentifier":"tpe","region":"ap-east-2","weight":10},{"setIdentifier":"nrt","region":"ap-northeast-1","weight":90}],"bakeSeconds":300},
               {"weights":[{"setIdentifier":"tpe","region":"ap-east-2","weight":70},{"setIdentifier":"nrt","region":"ap-northeast-1","weight":30}],"bakeSeconds":300}],
             "rollbackWeights":[{"setIdentifier":"tpe","region":"ap-east-2","weight":0},{"setIdentifier":"nrt","region":"ap-northeast-1","weight":100}]}
            """,
            json["plan"]);
    }

    [Fact]
    public void Write_Check_WritesAtHealthyAndDetail()
    {
        var json = ContractJson.WriteObject(ContractSamples.ReadyRecovery);

        ContractAssert.JsonEqual("""{"at":"2026-11-26T00:10:00.000Z","healthy":true,"detail":"UP; app-tpe synchronised"}""", json["check"]);
    }

    [Fact]
    public void Write_HistoryCheckWithoutDetail_WritesNullDetail()
    {
        var json = ContractJson.WriteObject(ContractSamples.NotReadyRecovery);

        ContractAssert.IsWrittenNull(json["history"]![0]!.AsObject(), "detail");
    }

    [Fact]
    public void Write_GateOutput_WritesHealthyAndDetail()
    {
        var json = ContractJson.Write(ContractSamples.Gate);

        ContractAssert.JsonEqual("""{"healthy":true,"detail":"ap-east-2 healthy: probe UP, Route 53 healthy"}""", json);
    }
}
