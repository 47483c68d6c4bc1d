using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World.Traffic;

/// <summary>
/// Reads during a primary Region outage starting at the epoch. With 8 checkers every 30 s (staggered by 3.75 s) and
/// threshold 3, Route 53 finds the primary unhealthy at 86.25 s, when only one checker still reports it healthy.
/// </summary>
public class ClientReadTests
{
    private const double Unhealthy = 86.25;

    [Fact]
    public void Client_HealthCheckFlipsBeforeItsTtlExpires_KeepsTheDeadRegionUntilExpiry()
    {
        // One client: its answer expires at 0, 60, 120 … model seconds.
        var lab = new TrafficLab(clients: 1);
        lab.SendEveryoneToThePrimary();
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));

        lab.AdvanceTo(119);
        var unhealthy = !lab.Run(s => s.Checkers.IsHealthy(LabFixture.Primary));
        var heldAt119 = lab.Holding(TrafficLab.PrimaryIndex);
        lab.AdvanceTo(121);

        Assert.True(unhealthy);
        Assert.Equal(1, heldAt119);
        Assert.Equal(0, lab.Second(118).ReadsOk);
        Assert.Equal(1, lab.Second(120).ReadsOk);
        Assert.Equal(1, lab.Holding(TrafficLab.SecondaryIndex));
    }

    [Fact]
    public void Reads_SecondWithoutExpiries_FailExactlyForTheClientsHoldingTheDeadRegion()
    {
        // Ten clients expire at 6 s steps (…, 96, 102, …): none re-resolves during second 100.
        var lab = new TrafficLab(clients: 10);
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));

        lab.AdvanceTo(100);
        var holding = lab.Holding(TrafficLab.PrimaryIndex);
        lab.AdvanceTo(101);
        var second = lab.Second(100);

        Assert.InRange(holding, 1, 9);
        Assert.Equal(holding, second.Reads - second.ReadsOk);
    }

    [Fact]
    public void Reads_NoClientHoldsTheDeadRegionAnyMore_AllSucceed()
    {
        var lab = new TrafficLab();
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));

        lab.AdvanceTo(Unhealthy + 60);
        var holding = lab.Holding(TrafficLab.PrimaryIndex);
        lab.AdvanceTo(200);

        Assert.Equal(0, holding);
        Assert.All(lab.Seconds().Skip(147), s => Assert.Equal(s.Reads, s.ReadsOk));
        Assert.Equal(200, lab.Second(199).Reads);
    }

    [Fact]
    public void ReadSuccessRatio_DataPlaneStopsAnsweringWithTheRegion_RecoversEvenlyOverOneTtl()
    {
        var lab = new TrafficLab();
        lab.SendEveryoneToThePrimary();
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));
        lab.AdvanceTo(Unhealthy - 0.01);
        var healthyBefore = lab.Run(s => s.Checkers.IsHealthy(LabFixture.Primary));
        lab.AdvanceTo(Unhealthy);
        var healthyAt = lab.Run(s => s.Checkers.IsHealthy(LabFixture.Primary));

        lab.AdvanceTo(150);
        var ratios = lab.Seconds().Select(s => (double)s.ReadsOk / s.Reads).ToList();

        Assert.True(healthyBefore);
        Assert.False(healthyAt);
        Assert.All(ratios.Skip(60).Take(26), r => Assert.Equal(0, r));
        foreach (var elapsed in new[] { 15, 30, 45 })
        {
            var second = (int)Unhealthy + elapsed;
            Assert.InRange(ratios[second], (elapsed - 1.5) / 60, (elapsed + 1.5) / 60);
        }

        Assert.True(ratios[145] < 1);
        Assert.Equal(1, ratios[146]);
        Assert.All(ratios.Skip(86).Zip(ratios.Skip(87)), p => Assert.True(p.Second >= p.First));
    }

    [Fact]
    public void Reads_Partition_AllSucceed()
    {
        var lab = new TrafficLab();
        lab.Inject(new FaultSpec(FaultKind.Partition, 0, null));

        lab.AdvanceTo(120);

        Assert.All(lab.Seconds(), s => Assert.Equal(s.Reads, s.ReadsOk));
    }
}
