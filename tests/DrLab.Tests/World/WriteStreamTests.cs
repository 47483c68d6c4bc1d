using DrLambdas.DrLab.Time;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World;

public class WriteStreamTests
{
    [Fact]
    public void Failover_AfterPrimaryRegionOutage_LosesWritesOfTheLastReplicationLag()
    {
        var lab = new LabFixture();
        lab.Advance(10);
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));
        lab.Advance(30);

        var operation = lab.Start(PromotionKind.Failover);

        // 10 writes/s since 10 s before start, for 10 s more = writes 1..200; replication 800 ms behind stored 1..192.
        var loss = Assert.IsType<LostWrites>(operation.Loss);
        Assert.Equal(8, loss.Count);
        Assert.Equal(193, loss.FirstSequence);
        Assert.Equal(200, loss.LastSequence);
        Assert.Equal(0.8, loss.ModelSpanSeconds, 3);
    }

    [Fact]
    public void Failover_ReplicationLagFault_LosesTheLaggedWrites()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.ReplicationLag, 0, null, LagMilliseconds: 5000));
        lab.Advance(20);
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));

        var loss = lab.Start(PromotionKind.Failover).Loss;

        Assert.Equal(50, loss?.Count);
    }

    [Fact]
    public void Switchover_HealthyPrimary_LosesNoWrites()
    {
        var lab = new LabFixture();
        lab.Advance(10);
        lab.Start(PromotionKind.Switchover);
        lab.Advance(200);

        Assert.Empty(lab.Run(s => s.Writes.Losses));
        Assert.Equal(lab.Run(s => s.Writes.LastAcknowledged) - 8, lab.Run(s => s.Writes.ReplicatedThrough));
    }

    [Fact]
    public void Writes_DuringFailover_PauseAndResumeOnNewWriterWithNextSequence()
    {
        var lab = new LabFixture();
        lab.Advance(10);
        lab.Start(PromotionKind.Failover);
        lab.Advance(60);
        Assert.Equal(200, lab.Run(s => s.Writes.LastAcknowledged));

        lab.Advance(1);

        Assert.Equal(210, lab.Run(s => s.Writes.LastAcknowledged));
        Assert.Equal(LabFixture.Secondary, lab.Run(s => s.Writes.WriterRegion));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void RpoLag_SteadyState_EqualsModelledReplicationLag(double seconds)
    {
        var lab = new LabFixture(TimeProfile.Fast);
        lab.Advance(seconds);

        Assert.Equal(800, lab.Run(s => s.Writes.RpoLagModelMilliseconds()), 0);
    }

    [Fact]
    public void RpoLag_Partition_GrowsWithTheUnreplicatedWrites()
    {
        var lab = new LabFixture();
        lab.Advance(5);
        lab.Inject(new FaultSpec(FaultKind.Partition, 0, null));
        lab.Advance(10);

        Assert.Equal(10_800, lab.Run(s => s.Writes.RpoLagModelMilliseconds()), 0);
    }
}
