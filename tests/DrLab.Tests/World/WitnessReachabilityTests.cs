using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World;

/// <summary>Who reaches whom: a partition cuts the two application Regions only; the witness observes from outside both.</summary>
public class WitnessReachabilityTests
{
    private static LabFixture WithWitness() => new(witness: LabFixture.Witness);

    [Fact]
    public void IsReachableFrom_Partition_WitnessReachesThePrimaryTheObserverDoesNot()
    {
        var lab = WithWitness();
        lab.Inject(new FaultSpec(FaultKind.Partition, 0, null));

        Assert.False(lab.Run(s => s.IsReachableFrom(LabFixture.Secondary, LabFixture.Primary)));
        Assert.True(lab.Run(s => s.IsReachableFrom(LabFixture.Witness, LabFixture.Primary)));
        Assert.True(lab.Run(s => s.IsReachableFrom(LabFixture.Witness, LabFixture.Secondary)));
    }

    [Fact]
    public void IsReachableFrom_WitnessUnreachable_WitnessReachesNothingTheObserverEverything()
    {
        var lab = WithWitness();
        lab.Inject(new FaultSpec(FaultKind.WitnessUnreachable, 0, null));

        Assert.True(lab.Run(s => s.IsCutOff(LabFixture.Witness)));
        Assert.False(lab.Run(s => s.IsReachableFrom(LabFixture.Witness, LabFixture.Primary)));
        Assert.False(lab.Run(s => s.IsReachableFrom(LabFixture.Witness, LabFixture.Secondary)));
        Assert.True(lab.Run(s => s.IsReachableFrom(LabFixture.Secondary, LabFixture.Primary)));
    }

    [Fact]
    public void IsReachableFrom_WitnessUnreachableEnded_WitnessReachesBothAgain()
    {
        var lab = WithWitness();
        lab.Inject(new FaultSpec(FaultKind.WitnessUnreachable, 0, 30));
        lab.Advance(31);

        Assert.False(lab.Run(s => s.IsCutOff(LabFixture.Witness)));
        Assert.True(lab.Run(s => s.IsReachableFrom(LabFixture.Witness, LabFixture.Primary)));
    }

    [Fact]
    public void IsReachableFrom_PrimaryRegionOutage_NoObserverReachesIt()
    {
        var lab = WithWitness();
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));

        Assert.False(lab.Run(s => s.IsReachableFrom(LabFixture.Witness, LabFixture.Primary)));
        Assert.False(lab.Run(s => s.IsReachableFrom(LabFixture.Secondary, LabFixture.Primary)));
    }

    [Fact]
    public void WitnessUnreachable_RouteFiftyThreeCheckers_StillSeeBothRegionsHealthy()
    {
        var lab = WithWitness();
        lab.Inject(new FaultSpec(FaultKind.WitnessUnreachable, 0, null));
        lab.Advance(300);

        Assert.True(lab.Run(s => s.Checkers.IsHealthy(LabFixture.Primary)));
        Assert.True(lab.Run(s => s.Checkers.IsHealthy(LabFixture.Secondary)));
    }
}
