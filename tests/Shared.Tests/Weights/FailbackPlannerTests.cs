using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Tests.Support;
using DrLambdas.Shared.Weights;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Weights;

public class FailbackPlannerTests
{
    private static IEnumerable<(int Primary, int Secondary)> Shares(FailbackPlan plan) =>
        plan.Steps.Select(step => (step.Weights[0].Weight, step.Weights[1].Weight));

    [Fact]
    public void Plan_Defaults_TenThirtySeventyEndingAtNormal()
    {
        var plan = FailbackPlanner.Plan(TestEnvironment.Default);

        Assert.Equal([(10, 90), (30, 70), (70, 30)], Shares(plan));
    }

    [Fact]
    public void Plan_Defaults_EveryStepBakesFiveMinutes()
    {
        var plan = FailbackPlanner.Plan(TestEnvironment.Default);

        Assert.All(plan.Steps, step => Assert.Equal(300, step.BakeSeconds));
    }

    [Fact]
    public void Plan_Defaults_RollbackSendsEverythingToTheSecondary()
    {
        var plan = FailbackPlanner.Plan(TestEnvironment.Default);

        Assert.Equal([new RecordWeight("tpe", Tpe, 0), new RecordWeight("nrt", Nrt, 100)], plan.RollbackWeights);
    }

    [Fact]
    public void Plan_LastShareDiffersFromNormal_AppendsNormalWeights()
    {
        var configuration = TestEnvironment.Configuration(env =>
        {
            env[Env.NormalWeights] = "50,50";
            env[Env.FailbackSteps] = "10,30";
            env[Env.FailbackBakeSeconds] = "60";
        });

        var plan = FailbackPlanner.Plan(configuration);

        Assert.Equal([(10, 90), (30, 70), (50, 50)], Shares(plan));
        Assert.All(plan.Steps, step => Assert.Equal(60, step.BakeSeconds));
    }

    [Fact]
    public void Plan_HundredPercentStep_HasNoZeroTotal()
    {
        var configuration = TestEnvironment.Configuration(env => env[Env.FailbackSteps] = "100");

        var plan = FailbackPlanner.Plan(configuration);

        Assert.Equal([(100, 0), (70, 30)], Shares(plan));
    }

    private static IReadOnlyList<RecordWeight> Current(int primary, int secondary) =>
        [new RecordWeight("tpe", Tpe, primary), new RecordWeight("nrt", Nrt, secondary)];

    [Fact]
    public void PlanFromCurrent_AllTrafficInTheSecondary_KeepsEveryStep()
    {
        var plan = FailbackPlanner.Plan(TestEnvironment.Default, Current(0, 100));

        Assert.Equal([(10, 90), (30, 70), (70, 30)], Shares(plan));
    }

    [Fact]
    public void PlanFromCurrent_MidwayAtThirtySeventy_KeepsOnlyTheStepsAhead()
    {
        var plan = FailbackPlanner.Plan(TestEnvironment.Default, Current(30, 70));

        Assert.Equal([(70, 30)], Shares(plan));
    }

    [Fact]
    public void PlanFromCurrent_NormalWeights_HasNoSteps()
    {
        var plan = FailbackPlanner.Plan(TestEnvironment.Default, Current(70, 30));

        Assert.Empty(plan.Steps);
        Assert.Equal([0, 100], plan.RollbackWeights.Select(weight => weight.Weight));
    }
}
