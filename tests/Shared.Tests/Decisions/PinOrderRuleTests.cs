using CsCheck;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using static DrLambdas.Shared.Tests.Support.DecisionGenerators;

namespace DrLambdas.Shared.Tests.Decisions;

/// <summary>Drain-first fencing: the failover's pin lands before the promotion when only the pin can move the failed Region's traffic.</summary>
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

        Assert.False(PinOrderRule.DrainFirst(health, watchedByRoute53: true));
    }

    [Fact]
    public void DrainFirst_Route53SeesRegionHealthy_IsTrue()
    {
        var health = RegionHealth.Of(Tpe, [Signal(SignalKind.Route53HealthCheck, Verdict.Healthy), Signal(SignalKind.Probe, Verdict.Unhealthy, "ap-northeast-1")]);

        Assert.True(PinOrderRule.DrainFirst(health, watchedByRoute53: true));
    }

    [Fact]
    public void DrainFirst_NotWatchedByRoute53_IsTrue()
    {
        var health = RegionHealth.Of(Tpe, [Signal(SignalKind.Probe, Verdict.Unhealthy, "ap-northeast-1"), Signal(SignalKind.DatabaseEndpoint, Verdict.Unhealthy, "ap-northeast-1")]);

        Assert.True(PinOrderRule.DrainFirst(health, watchedByRoute53: false));
    }

    [Fact]
    public void DrainFirst_WatchedButRoute53ApiUnreadable_IsFalse()
    {
        var health = RegionHealth.Of(Tpe, [Signal(SignalKind.Route53HealthCheck, Verdict.Unknown), Signal(SignalKind.Probe, Verdict.Unhealthy, "ap-northeast-1")]);

        Assert.False(PinOrderRule.DrainFirst(health, watchedByRoute53: true));
    }

    [Fact]
    public void DrainFirst_Route53CheckersSplitEvenlyOnAnUnwatchedRegion_IsTrue()
    {
        var health = RegionHealth.Of(Tpe, [Signal(SignalKind.Route53HealthCheck, Verdict.Unhealthy), Signal(SignalKind.Route53HealthCheck, Verdict.Healthy, "us-east-1")]);

        Assert.True(PinOrderRule.DrainFirst(health, watchedByRoute53: false));
    }

    [Fact]
    public void Decide_AnyInput_DrainFirstOnlyOnFailoverAndNeverWhenRoute53SeesTheRegionDown()
    {
        Input.Sample(
            input =>
            {
                var decision = DecisionEngine.Decide(input);
                if (decision.Action != DecisionAction.Failover)
                {
                    Assert.False(decision.DrainFirst);
                    return;
                }

                var route53 = RegionHealth.Of(decision.FailedRegion!, input.Signals).VoteOf(SignalKind.Route53HealthCheck);
                if (route53 == Verdict.Unhealthy)
                {
                    Assert.False(decision.DrainFirst);
                }
                else if (route53 == Verdict.Healthy)
                {
                    Assert.True(decision.DrainFirst);
                }
            },
            iter: 2_000);
    }
}
