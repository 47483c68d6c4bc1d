using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Rto;
using DrLambdas.Shared.Tests.Support;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;

namespace DrLambdas.Shared.Tests.Rto;

public class RtoBudgetCalculatorTests
{
    private static RtoBudget Seed(DecisionAction path = DecisionAction.Failover)
    {
        var configuration = TestEnvironment.Default;
        return RtoBudgetCalculator.Compute(configuration.Rto, configuration.Policy.RtoTarget, path);
    }

    [Fact]
    public void Compute_SeedSettings_SixtySecondTargetNotReachable()
    {
        var budget = Seed();

        Assert.False(budget.Reachable);
        Assert.Equal(60, budget.TargetSeconds);
        Assert.Equal(275, budget.TotalSeconds);
    }

    [Fact]
    public void Compute_SeedSettings_ExplainsThatDetectionAloneExceedsTheTarget()
    {
        var budget = Seed();

        Assert.Equal(
            "The 60 s RTO target is not reachable: the budget is 275 s. "
            + "Detection alone takes 90 s (Route 53 checks every 30 s and needs 3 consecutive failures: 30 s × 3), already more than the target. "
            + "Recovery alone takes 120 s (Aurora failover 60 s runs in parallel with DNS: propagation 60 s + TTL 60 s = 120 s; the longer one counts), already more than the target.",
            budget.Explanation);
    }

    [Fact]
    public void Compute_SeedSettings_ItemsBreakDownTheTotal()
    {
        var budget = Seed();

        Assert.Equal(
            [("detection", 90), ("alarm-evaluation", 60), ("orchestration", 5), ("recovery", 120)],
            budget.Items.Select(item => (item.Name, item.Seconds)));
        Assert.Equal(budget.TotalSeconds, budget.Items.Sum(item => item.Seconds));
    }

    [Fact]
    public void Compute_SwitchoverPath_UsesSwitchoverEstimate()
    {
        var recovery = Seed(DecisionAction.Switchover).Items[^1];

        Assert.Equal(120, recovery.Seconds);
        Assert.StartsWith("Aurora switchover 120 s", recovery.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DrainPath_HasNoDatabaseStep()
    {
        var recovery = Seed(DecisionAction.DrainSecondary).Items[^1];

        Assert.Equal("DNS: propagation 60 s + TTL 60 s = 120 s; no database step.", recovery.Explanation);
    }

    [Fact]
    public void Compute_FastSettings_ReachableWithMargin()
    {
        var configuration = TestEnvironment.Configuration(env =>
        {
            env[Env.HealthCheckIntervalSeconds] = "10";
            env[Env.HealthCheckFailureThreshold] = "1";
            env[Env.AlarmEvaluationSeconds] = "10";
            env[Env.DnsTtlSeconds] = "5";
            env[Env.PropagationEstimateSeconds] = "20";
            env[Env.PromotionEstimateSeconds] = "30";
            env[Env.RtoTargetSeconds] = "60";
        });

        var budget = RtoBudgetCalculator.Compute(configuration.Rto, configuration.Policy.RtoTarget);

        Assert.True(budget.Reachable);
        Assert.Equal(55, budget.TotalSeconds);
        Assert.Equal("The 60 s RTO target is reachable: the budget is 55 s, 5 s inside it.", budget.Explanation);
    }

    [Fact]
    public void Compute_NoSingleStageTooLong_ExplainsTheSum()
    {
        var configuration = TestEnvironment.Configuration(env =>
        {
            env[Env.HealthCheckIntervalSeconds] = "10";
            env[Env.HealthCheckFailureThreshold] = "3";
            env[Env.AlarmEvaluationSeconds] = "30";
            env[Env.DnsTtlSeconds] = "10";
            env[Env.PropagationEstimateSeconds] = "30";
            env[Env.PromotionEstimateSeconds] = "30";
        });

        var budget = RtoBudgetCalculator.Compute(configuration.Rto, configuration.Policy.RtoTarget);

        Assert.Equal(
            "The 60 s RTO target is not reachable: the budget is 105 s. No single stage exceeds it, but together they do; the largest is recovery at 40 s.",
            budget.Explanation);
    }
}
