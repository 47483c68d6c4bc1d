using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Rto;
using DrLambdas.Shared.Tests.Support;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;

namespace DrLambdas.Shared.Tests.Rto;

public class UserRtoBudgetCalculatorTests
{
    /// <summary>presets/seed.json as the template passes it to the functions: 30 s × 3, TTL 60, 60 s alarm, no witness.</summary>
    private static DrConfiguration Seed() => TestEnvironment.Configuration(env =>
    {
        env[Env.HealthCheckIntervalSeconds] = "30";
        env[Env.HealthCheckFailureThreshold] = "3";
        env[Env.DnsTtlSeconds] = "60";
        env[Env.AlarmEvaluationSeconds] = "60";
    });

    /// <summary>presets/fast.json with a witness: 10 s × 3, TTL 15, probes every 5 s, 10 s × 3 probe alarm.</summary>
    private static DrConfiguration Fast(Action<Dictionary<string, string?>>? change = null) => TestEnvironment.Configuration(env =>
    {
        env[Env.HealthCheckIntervalSeconds] = "10";
        env[Env.HealthCheckFailureThreshold] = "3";
        env[Env.DnsTtlSeconds] = "15";
        env[Env.AlarmEvaluationSeconds] = "60";
        env[Env.ProbeIntervalSeconds] = "5";
        env[Env.ProbeAlarmPeriodSeconds] = "10";
        env[Env.ProbeAlarmDatapointsToAlarm] = "3";
        env[Env.WitnessRegion] = "us-west-2";
        env[Env.PrimaryProbeAlarmName] = "drlambdas-primary-probes";
        env[Env.SecondaryProbeAlarmName] = "drlambdas-secondary-probes";
        change?.Invoke(env);
    });

    private static (string Name, int Seconds)[] Items(RtoBudget budget) => budget.Items.Select(item => (item.Name, item.Seconds)).ToArray();

    [Fact]
    public void Serving_SeedPreset_HealthChecksThenTtl150Seconds()
    {
        var configuration = Seed();

        var budget = UserRtoBudgetCalculator.Serving(configuration.Rto, configuration.Policy.RtoTarget);

        Assert.Equal([("health-check-detection", 90), ("dns-ttl", 60)], Items(budget));
        Assert.Equal(150, budget.TotalSeconds);
        Assert.False(budget.Reachable);
    }

    [Fact]
    public void Serving_FastPreset_45SecondsInsideTheTarget()
    {
        var configuration = Fast();

        var budget = UserRtoBudgetCalculator.Serving(configuration.Rto, configuration.Policy.RtoTarget);

        Assert.Equal([("health-check-detection", 30), ("dns-ttl", 15)], Items(budget));
        Assert.True(budget.Reachable);
        Assert.Equal("The 60 s RTO target for serving is reachable: the budget is 45 s, 15 s inside it.", budget.Explanation);
    }

    [Fact]
    public void Serving_AliasRecords_CountsTheFixed60SecondTtlNotTheConfiguredOne()
    {
        var configuration = Fast(env => env[Env.AliasRecords] = "true");

        var ttl = UserRtoBudgetCalculator.Serving(configuration.Rto, configuration.Policy.RtoTarget).Items[^1];

        Assert.Equal(60, ttl.Seconds);
        Assert.Contains("fixed 60 s", ttl.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_SeedPreset_HealthCheckAlarmDetectionThenPromotionEndpointAndReconnect()
    {
        var configuration = Seed();

        var budget = UserRtoBudgetCalculator.Writes(configuration.Rto, configuration.Policy.RtoTarget);

        Assert.Equal([("detection", 150), ("decision", 5), ("promotion", 60), ("writer-endpoint", 15), ("reconnect", 5)], Items(budget));
        Assert.Equal(235, budget.TotalSeconds);
        Assert.Contains("HealthCheckStatus alarm", budget.Items[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("no witness", budget.Items[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_FastPresetWithWitness_ProbeAlarmDetection35Seconds()
    {
        var configuration = Fast();

        var budget = UserRtoBudgetCalculator.Writes(configuration.Rto, configuration.Policy.RtoTarget);

        Assert.Equal([("detection", 35), ("decision", 5), ("promotion", 60), ("writer-endpoint", 15), ("reconnect", 5)], Items(budget));
        Assert.Equal(120, budget.TotalSeconds);
        Assert.StartsWith("The probe alarm (observers in two Regions agree) fires first: a failing probe within 5 s, then 3 breaching 10 s periods", budget.Items[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_FastPresetWithoutWitness_FallsBackToTheHealthCheckAlarm()
    {
        var configuration = Fast(env =>
        {
            env[Env.WitnessRegion] = null;
            env[Env.PrimaryProbeAlarmName] = null;
            env[Env.SecondaryProbeAlarmName] = null;
        });

        var detection = UserRtoBudgetCalculator.Writes(configuration.Rto, configuration.Policy.RtoTarget).Items[0];

        Assert.Equal(90, detection.Seconds);
    }

    [Fact]
    public void Writes_ProbeAlarmSlowerThanTheHealthCheckAlarm_TheEarlierTriggerCounts()
    {
        var configuration = Fast(env =>
        {
            env[Env.ProbeAlarmPeriodSeconds] = "60";
            env[Env.ProbeAlarmDatapointsToAlarm] = "5";
        });

        var detection = UserRtoBudgetCalculator.Writes(configuration.Rto, configuration.Policy.RtoTarget).Items[0];

        Assert.Equal(90, detection.Seconds);
        Assert.StartsWith("The Route 53 HealthCheckStatus alarm", detection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_SwitchoverPath_UsesTheSwitchoverEstimate()
    {
        var configuration = Fast();

        var promotion = UserRtoBudgetCalculator.Writes(configuration.Rto, configuration.Policy.RtoTarget, DecisionAction.Switchover).Items[2];

        Assert.Equal(("promotion", 120), (promotion.Name, promotion.Seconds));
    }

    [Fact]
    public void Writes_DrainPath_WritesFollowTrafficSoTheServingItems()
    {
        var configuration = Fast();

        var budget = UserRtoBudgetCalculator.Writes(configuration.Rto, configuration.Policy.RtoTarget, DecisionAction.DrainSecondary);

        Assert.Equal([("health-check-detection", 30), ("dns-ttl", 15)], Items(budget));
    }

    [Fact]
    public void Writes_ConfiguredEndpointAndReconnectEstimates_Used()
    {
        var configuration = Fast(env =>
        {
            env[Env.WriterRepointEstimateSeconds] = "20";
            env[Env.ReconnectEstimateSeconds] = "1";
        });

        var budget = UserRtoBudgetCalculator.Writes(configuration.Rto, configuration.Policy.RtoTarget);

        Assert.Equal([("writer-endpoint", 25), ("reconnect", 1)], Items(budget)[3..]);
    }

    [Fact]
    public void Compute_FastPresetActions_StillTheHealthCheckAlarmPath()
    {
        var configuration = Fast();

        var budget = RtoBudgetCalculator.Compute(configuration.Rto, configuration.Policy.RtoTarget);

        Assert.Equal(170, budget.TotalSeconds);
    }
}
