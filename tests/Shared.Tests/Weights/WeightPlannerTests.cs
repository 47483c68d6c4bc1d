using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Tests.Support;
using DrLambdas.Shared.Weights;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Weights;

public class WeightPlannerTests
{
    private static readonly IReadOnlyList<RecordWeight> Normal = [new("tpe", Tpe, 70), new("nrt", Nrt, 30)];

    private static Decision Decision(DecisionAction action, string? failed, string? target, bool isFailback = false) =>
        new(action, failed, target, null, "app-global", false, null, false, false, isFailback, []);

    private static IReadOnlyList<RecordWeight> Plan(Decision decision, IReadOnlyList<RecordWeight>? current = null) =>
        WeightPlanner.PlanWeights(decision, current ?? Normal, TestEnvironment.Default);

    [Theory]
    [InlineData(DecisionAction.Failover)]
    [InlineData(DecisionAction.Switchover)]
    public void PlanWeights_WriterMovesToSecondary_FailedZeroTargetHundred(DecisionAction action)
    {
        Assert.Equal([new("tpe", Tpe, 0), new("nrt", Nrt, 100)], Plan(Decision(action, Tpe, Nrt)));
    }

    [Fact]
    public void PlanWeights_ManualFailoverToPrimary_PrimaryHundred()
    {
        Assert.Equal([new("tpe", Tpe, 100), new("nrt", Nrt, 0)], Plan(Decision(DecisionAction.Failover, Nrt, Tpe)));
    }

    [Fact]
    public void PlanWeights_DrainSecondary_HundredZero()
    {
        Assert.Equal([new("tpe", Tpe, 100), new("nrt", Nrt, 0)], Plan(Decision(DecisionAction.DrainSecondary, Nrt, Tpe)));
    }

    [Theory]
    [InlineData(DecisionAction.None)]
    [InlineData(DecisionAction.Escalate)]
    [InlineData(DecisionAction.Abort)]
    public void PlanWeights_NoTrafficAction_ChangesNothing(DecisionAction action)
    {
        Assert.Empty(Plan(Decision(action, Tpe, Nrt)));
    }

    [Fact]
    public void PlanWeights_FailbackFromAllSecondary_FirstStepTenNinety()
    {
        var plan = Plan(Decision(DecisionAction.Switchover, Nrt, Tpe, isFailback: true), [new("tpe", Tpe, 0), new("nrt", Nrt, 100)]);

        Assert.Equal([new("tpe", Tpe, 10), new("nrt", Nrt, 90)], plan);
    }

    [Fact]
    public void PlanWeights_FailbackResumedAtThirtySeventy_NextStepSeventyThirty()
    {
        var plan = Plan(Decision(DecisionAction.Switchover, Nrt, Tpe, isFailback: true), [new("tpe", Tpe, 30), new("nrt", Nrt, 70)]);

        Assert.Equal([new("tpe", Tpe, 70), new("nrt", Nrt, 30)], plan);
    }

    [Fact]
    public void PlanWeights_FailbackAlreadyAtNormal_StaysAtNormal()
    {
        var plan = Plan(Decision(DecisionAction.Switchover, Nrt, Tpe, isFailback: true), Normal);

        Assert.Equal(Normal, plan);
    }

    [Fact]
    public void PlanWeights_UnmanagedTarget_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() => Plan(Decision(DecisionAction.Failover, Tpe, "eu-west-1")));

        Assert.Contains("'eu-west-1'", exception.Message, StringComparison.Ordinal);
    }
}
