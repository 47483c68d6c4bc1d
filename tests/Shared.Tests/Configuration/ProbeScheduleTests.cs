using DrLambdas.Errors;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Tests.Support;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;

namespace DrLambdas.Shared.Tests.Configuration;

public class ProbeScheduleTests
{
    [Fact]
    public void Load_Unset_EveryFiveSecondsForAMinuteWithoutWitness()
    {
        var schedule = TestEnvironment.Default.Probes.Schedule;

        Assert.Equal(
            new ProbeSchedule(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), null, null),
            schedule);
    }

    [Fact]
    public void Load_FractionalSeconds_KeepsTheFraction()
    {
        var schedule = TestEnvironment.Configuration(env =>
        {
            env[Env.ProbeIntervalSeconds] = "0.17";
            env[Env.ProbeDurationSeconds] = "2";
        }).Probes.Schedule;

        Assert.Equal((TimeSpan.FromMilliseconds(170), TimeSpan.FromSeconds(2)), (schedule.Interval, schedule.Duration));
    }

    [Fact]
    public void Load_IntervalLongerThanDuration_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => TestEnvironment.Configuration(env =>
        {
            env[Env.ProbeIntervalSeconds] = "30";
            env[Env.ProbeDurationSeconds] = "10";
        }));

        Assert.Contains(error.Problems, problem => problem.StartsWith(Env.ProbeIntervalSeconds, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("five")]
    [InlineData("-1")]
    [InlineData("0")]
    public void Load_InvalidInterval_Throws(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => TestEnvironment.Configuration(env => env[Env.ProbeIntervalSeconds] = value));

        Assert.Contains(error.Problems, problem => problem.StartsWith(Env.ProbeIntervalSeconds, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BadWitnessRegion_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => TestEnvironment.Configuration(env => env[Env.WitnessRegion] = "Oregon"));

        Assert.Contains(error.Problems, problem => problem.StartsWith(Env.WitnessRegion, StringComparison.Ordinal));
    }

    [Fact]
    public void ObserversFor_WithWitness_RecoveryRegionThenWitness()
    {
        var schedule = ProbeSchedule.Default with { WitnessRegion = "us-west-2" };

        Assert.Equal(["ap-northeast-1", "us-west-2"], schedule.ObserversFor("ap-northeast-1"));
    }

    [Fact]
    public void MetricRegionFor_Unset_TheRegionTheFunctionRunsIn()
    {
        Assert.Equal("us-west-2", ProbeSchedule.Default.MetricRegionFor("us-west-2"));
        Assert.Equal("ap-northeast-1", (ProbeSchedule.Default with { MetricRegion = "ap-northeast-1" }).MetricRegionFor("us-west-2"));
    }

    [Fact]
    public void RoleOf_ProbeAlarms_SpeakAboutTheirRegion()
    {
        var alarms = TestEnvironment.Configuration(env =>
        {
            env[Env.PrimaryProbeAlarmName] = "tpe-probes";
            env[Env.SecondaryProbeAlarmName] = "nrt-probes";
        }).Alarms;

        Assert.Equal((RegionRole.Primary, RegionRole.Secondary), (alarms.RoleOf("tpe-probes"), alarms.RoleOf("nrt-probes")));
    }

    [Fact]
    public void Load_ProbeAlarmAlsoAFailureAlarm_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => TestEnvironment.Configuration(env =>
        {
            env[Env.AlarmNames] = "tpe-probes";
            env[Env.PrimaryProbeAlarmName] = "tpe-probes";
        }));

        Assert.Contains(error.Problems, problem => problem.StartsWith(Env.PrimaryProbeAlarmName, StringComparison.Ordinal));
    }
}
