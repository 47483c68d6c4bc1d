using CsCheck;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Tests.Support;
using DrLambdas.Shared.Weights;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Weights;

public class WeightPropertyTests
{
    private const int Cases = 10_000;

    private static void AssertValid(IReadOnlyList<RecordWeight> weights, Decision decision)
    {
        Assert.All(weights, weight => Assert.InRange(weight.Weight, 0, RecordWeight.MaxWeight));
        if (decision.MovesTraffic)
        {
            Assert.Equal(2, weights.Count);
            Assert.Contains(weights, weight => weight.Weight > 0);
        }
        else
        {
            Assert.Empty(weights);
        }
    }

    [Fact]
    public void PlanWeights_DecisionsOfAnyInput_InRangeAndNeverAllZero()
    {
        DecisionGenerators.Input.Sample(
            input =>
            {
                var decision = DecisionEngine.Decide(input);

                AssertValid(WeightPlanner.PlanWeights(decision, input.CurrentWeights, input.Configuration), decision);
            },
            iter: Cases);
    }

    private static readonly Gen<int[]> Steps =
        Gen.Int[1, 100].ArrayUnique[1, 5].Select(shares => shares.Order().ToArray());

    [Fact]
    public void PlanWeights_AnyDecisionAndConfiguration_InRangeAndNeverAllZero()
    {
        var configurations = Gen.Select(Gen.Int[0, 255], Gen.Int[0, 255], Steps, (primary, secondary, steps) =>
            TestEnvironment.Configuration(env =>
            {
                env[Env.NormalWeights] = primary + secondary == 0 ? "1,0" : $"{primary},{secondary}";
                env[Env.FailbackSteps] = string.Join(",", steps);
            }));
        var decisions = Gen.Select(Gen.Enum<DecisionAction>(), Gen.OneOfConst(Tpe, Nrt), Gen.Bool, (action, target, failback) =>
            new Decision(action, target == Tpe ? Nrt : Tpe, target, null, "app-global", false, null, false, false, failback, []));

        Gen.Select(decisions, DecisionGenerators.Weights, configurations).Sample(
            (decision, current, configuration) => AssertValid(WeightPlanner.PlanWeights(decision, current, configuration), decision),
            iter: Cases);
    }

    [Fact]
    public void FailbackPlan_AnyConfiguration_StepsInRangeNeverAllZeroAndIncreasing()
    {
        Gen.Select(Gen.Int[0, 255], Gen.Int[1, 255], Steps).Sample(
            (primary, secondary, steps) =>
            {
                var configuration = TestEnvironment.Configuration(env =>
                {
                    env[Env.NormalWeights] = $"{primary},{secondary}";
                    env[Env.FailbackSteps] = string.Join(",", steps);
                });

                var plan = FailbackPlanner.Plan(configuration);

                Assert.All(plan.Steps.SelectMany(step => step.Weights), weight => Assert.InRange(weight.Weight, 0, RecordWeight.MaxWeight));
                Assert.All(plan.Steps, step => Assert.Contains(step.Weights, weight => weight.Weight > 0));
                Assert.Equal((primary, secondary), (plan.Steps[^1].Weights[0].Weight, plan.Steps[^1].Weights[1].Weight));
            },
            iter: Cases);
    }
}
