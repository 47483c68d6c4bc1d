using DrLambdas.Aws.StepFunctions;
using DrLambdas.HealthValidator.Sources;

namespace DrLambdas.HealthValidator.Tests.Sources;

public class PromotionHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private static HistoryEvent Entered(long id, string state) => new(id, "TaskStateEntered", T0, state, null);

    private static HistoryEvent Output(long id, string json) => new(id, "LambdaFunctionSucceeded", T0, null, json);

    [Fact]
    public void Promoted_NeverEnteredPromoteStart_IsFalse()
    {
        Assert.False(PromotionHistory.Promoted([Entered(1, "Validate"), Entered(2, "NotifyFailure")]));
    }

    [Fact]
    public void Promoted_StartedWithoutAFinalStatus_IsTrue()
    {
        Assert.True(PromotionHistory.Promoted([Entered(5, "PromoteStart"), Output(6, """{"outcome":"Started","targetClusterArn":"arn"}""")]));
    }

    [Fact]
    public void Promoted_StartFoundTheTargetAlreadyPrimary_IsFalse()
    {
        Assert.False(PromotionHistory.Promoted([Entered(5, "PromoteStart"), Output(6, """{"outcome":"AlreadyPrimary","targetClusterArn":"arn"}""")]));
    }

    [Fact]
    public void Promoted_LastStatusNotPromoted_IsFalse()
    {
        Assert.False(PromotionHistory.Promoted(
        [
            Entered(5, "PromoteStart"),
            Output(6, """{"outcome":"Started","targetClusterArn":"arn"}"""),
            Output(9, """{"status":"InProgress","targetClusterArn":"arn"}"""),
            Output(12, """{"status":"NotPromoted","targetClusterArn":"arn","promoted":false}"""),
        ]));
    }

    [Fact]
    public void Promoted_LastStatusFailed_IsTrueSinceAnOperationMayStillRun()
    {
        Assert.True(PromotionHistory.Promoted(
            [Entered(5, "PromoteStart"), Output(12, """{"status":"Failed","targetClusterArn":"arn","promoted":false}""")]));
    }

    [Fact]
    public void Promoted_SwitchoverStartedWithoutAFinalStatus_IsTrue()
    {
        Assert.True(PromotionHistory.Promoted([Entered(5, "SwitchoverStart"), Output(6, """{"outcome":"Started","targetClusterArn":"arn"}""")]));
    }

    [Fact]
    public void Promoted_StatusSaysPromoted_IsTrueWhateverItsStatus()
    {
        Assert.True(PromotionHistory.Promoted(
            [Entered(5, "PromoteStart"), Output(12, """{"status":"Failed","targetClusterArn":"arn","promoted":true}""")]));
    }

    [Fact]
    public void Promoted_StateOutputWithAPromotionSection_IsRead()
    {
        var exited = new HistoryEvent(14, "TaskStateExited", T0, "PromoteStatus", """{"promotion":{"status":"Completed","targetClusterArn":"arn"}}""");

        Assert.True(PromotionHistory.Promoted([exited, Entered(5, "PromoteStart")]));
    }
}
