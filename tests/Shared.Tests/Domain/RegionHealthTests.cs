using DrLambdas.Shared.Domain;
using static DrLambdas.Shared.Tests.Support.Scenario;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Domain;

public class RegionHealthTests
{
    [Fact]
    public void VoteOf_MoreUnhealthyThanHealthy_Unhealthy()
    {
        var health = RegionHealth.Of(Tpe,
        [
            Signal(SignalKind.Route53HealthCheck, Tpe, "a", Verdict.Unhealthy),
            Signal(SignalKind.Route53HealthCheck, Tpe, "b", Verdict.Unhealthy),
            Signal(SignalKind.Route53HealthCheck, Tpe, "c", Verdict.Healthy),
        ]);

        Assert.Equal(Verdict.Unhealthy, health.VoteOf(SignalKind.Route53HealthCheck));
    }

    [Fact]
    public void VoteOf_Tie_Unknown()
    {
        var health = RegionHealth.Of(Tpe, [Signal(SignalKind.Probe, Tpe, "a", Verdict.Unhealthy), Signal(SignalKind.Probe, Tpe, "b", Verdict.Healthy)]);

        Assert.Equal(Verdict.Unknown, health.VoteOf(SignalKind.Probe));
    }

    [Fact]
    public void VoteOf_OnlyUnknownOrNone_Unknown()
    {
        var health = RegionHealth.Of(Tpe, [Signal(SignalKind.Alarm, Tpe, "a", Verdict.Unknown)]);

        Assert.Equal((Verdict.Unknown, Verdict.Unknown), (health.VoteOf(SignalKind.Alarm), health.VoteOf(SignalKind.Probe)));
    }

    [Fact]
    public void Of_OtherRegionsSignals_Ignored()
    {
        var health = RegionHealth.Of(Nrt, PrimaryDown());

        Assert.Empty(health.Signals);
        Assert.Empty(health.KindsVotingUnhealthy);
    }

    [Fact]
    public void Of_ShuffledSignals_SameCanonicalOrder()
    {
        var signals = PrimaryDown().Concat(TaiwanHealthy()).ToList();

        var forward = RegionHealth.Of(Tpe, signals);
        var backward = RegionHealth.Of(Tpe, Enumerable.Reverse(signals));

        Assert.Equal(forward.Signals, backward.Signals);
    }

    [Fact]
    public void HasHealthyProbe_OnlyUnhealthyProbe_False()
    {
        var health = RegionHealth.Of(Tpe, PrimaryDown());

        Assert.False(health.HasHealthyProbe);
        Assert.True(health.HasUnhealthySignal);
    }
}
