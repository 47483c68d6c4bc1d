using CsCheck;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using static DrLambdas.Shared.Tests.Support.DecisionGenerators;

namespace DrLambdas.Shared.Tests.Decisions;

/// <summary>Drain-first fencing: the failover's pin lands before the promotion unless Route 53 already sees the failed Region down.</summary>
public class PinOrderRuleTests
{
    private const string Tpe = "ap-east-2";
    private static readonly DateTimeOffset At = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private static HealthSignal Signal(SignalKind kind, Verdict verdict, string observer = "route53-global") =>
        new(kind, Tpe, observer, verdict, "test", At);

    [Fact]
    public void DrainFirst_Route53SeesRegionUnhealthy_IsFalse()
    {
        var health = RegionHealth.Of(Tpe, [Signal(SignalKind.Route53HealthCheck, Verdict.Unhealthy), Signal(SignalKind.Probe, Verdict.Unhealthy, "ap-northeast-1")]);

        Assert.False(PinOrderRule.DrainFirst(health));
    }

    [Fact]
    public void DrainFirst_Route53SeesRegionHealthy_IsTrue()
    {
        var health = RegionHealth.Of(Tpe, [Signal(SignalKind.Route53HealthCheck, Verdict.Healthy), Signal(SignalKind.Probe, Verdict.Unhealthy, "ap-northeast-1")]);

        Assert.True(PinOrderRule.DrainFirst(health));
    }

    [Fact]
    public void DrainFirst_NoRoute53Verdict_IsTrue()
    {
        var health = RegionHealth.Of(Tpe, [Signal(SignalKind.Probe, Verdict.Unhealthy, "ap-northeast-1"), Signal(SignalKind.DatabaseEndpoint, Verdict.Unhealthy, "ap-northeast-1")]);

        Assert.True(PinOrderRule.DrainFirst(health));
    }

    [Fact]
    public void DrainFirst_Route53CheckersSplitEvenly_IsTrue()
    {
        var health = RegionHealth.Of(Tpe, [Signal(SignalKind.Route53HealthCheck, Verdict.Unhealthy), Signal(SignalKind.Route53HealthCheck, Verdict.Healthy, "us-east-1")]);

        Assert.True(PinOrderRule.DrainFirst(health));
    }

    [Fact]
    public void Decide_AnyInput_DrainFirstOnlyOnFailoverAndExactlyWhenRoute53DoesNotSeeTheRegionDown()
    {
        Input.Sample(
            input =>
            {
                var decision = DecisionEngine.Decide(input);
                var expected = decision.Action == DecisionAction.Failover
                    && PinOrderRule.DrainFirst(RegionHealth.Of(decision.FailedRegion!, input.Signals));
                Assert.Equal(expected, decision.DrainFirst);
            },
            iter: 2_000);
    }
}
