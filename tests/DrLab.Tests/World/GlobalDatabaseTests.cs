using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World;

public class GlobalDatabaseTests
{
    [Fact]
    public void Failover_AllowDataLoss_TargetBecomesWriterOnlyAfterModelledDuration()
    {
        var lab = new LabFixture();
        lab.Start(PromotionKind.Failover);

        lab.Advance(59);
        Assert.Equal(LabFixture.Primary, lab.Run(s => s.Database.WriterRegion));
        Assert.Equal("failing-over", lab.Run(s => s.Database.Status));

        lab.Advance(1);
        Assert.Equal(LabFixture.Secondary, lab.Run(s => s.Database.WriterRegion));
        Assert.Equal("available", lab.Run(s => s.Database.Status));
    }

    [Fact]
    public void Failover_PrimaryRegionOutage_OldPrimaryPendingResyncUntilBackAndResynced()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, 100, LabFixture.Primary));
        lab.Start(PromotionKind.Failover);
        lab.Advance(60);
        Assert.Equal("pending-resync", lab.Run(s => s.Database.SynchronizationStatus(LabFixture.Primary)));

        lab.Advance(40 + 300);

        Assert.Equal("connected", lab.Run(s => s.Database.SynchronizationStatus(LabFixture.Primary)));
    }

    [Fact]
    public void SynchronizationStatus_SecondaryCutOffFromItsWriter_StaysConnected()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.DatabaseOutage, 0, 100, LabFixture.Primary));
        lab.Advance(30);

        Assert.Equal("connected", lab.Run(s => s.Database.SynchronizationStatus(LabFixture.Secondary)));
    }

    [Fact]
    public void Switchover_PrimaryHealthy_CompletesAfterModelledDuration()
    {
        var lab = new LabFixture();
        lab.Start(PromotionKind.Switchover);

        lab.Advance(119);
        Assert.Equal("switching-over", lab.Run(s => s.Database.Status));
        lab.Advance(1);

        Assert.Equal(LabFixture.Secondary, lab.Run(s => s.Database.WriterRegion));
        Assert.Equal("Completed", lab.Run(s => s.Database.History[0].Outcome));
    }

    [Theory]
    [InlineData("RegionOutage")]
    [InlineData("DatabaseOutage")]
    [InlineData("Partition")]
    public void Switchover_PrimaryUnreachable_AcceptedThenPendingThenCancellingThenWriterUnchanged(string kind)
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(Enum.Parse<FaultKind>(kind), 0, null, kind == "Partition" ? null : LabFixture.Primary));

        var operation = lab.Start(PromotionKind.Switchover);
        Assert.Equal("pending", operation.FailoverStatus);
        lab.Advance(10);
        Assert.Equal("cancelling", lab.Run(s => s.Database.Current?.FailoverStatus));
        lab.Advance(30);

        Assert.Null(lab.Run(s => s.Database.Current));
        Assert.Equal(LabFixture.Primary, lab.Run(s => s.Database.WriterRegion));
        Assert.Equal("Cancelled", lab.Run(s => s.Database.History[0].Outcome));
    }

    [Fact]
    public void Switchover_WhileCancelling_StillRefusedAsAnotherOperationInProgress()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.DatabaseOutage, 0, null, LabFixture.Primary));
        lab.Start(PromotionKind.Switchover);
        lab.Advance(15);

        var error = Assert.Throws<LabError>(() => lab.Start(PromotionKind.Switchover));

        Assert.Equal("InvalidGlobalClusterStateFault", error.Code);
    }

    [Fact]
    public void Failover_PrimaryRegionOutage_ProceedsAfterPendingVerification()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));
        lab.Start(PromotionKind.Failover);

        lab.Advance(9);
        Assert.Equal("pending", lab.Run(s => s.Database.Current?.FailoverStatus));
        lab.Advance(1);
        Assert.Equal("failing-over", lab.Run(s => s.Database.Current?.FailoverStatus));
        lab.Advance(50);

        Assert.Equal(LabFixture.Secondary, lab.Run(s => s.Database.WriterRegion));
    }

    [Fact]
    public void Start_WhileAnotherOperationRuns_ThrowsInvalidGlobalClusterStateFault()
    {
        var lab = new LabFixture();
        lab.Start(PromotionKind.Failover);
        lab.Advance(5);

        var error = Assert.Throws<LabError>(() => lab.Start(PromotionKind.Failover));

        Assert.Equal("InvalidGlobalClusterStateFault", error.Code);
        Assert.Single(lab.Run(s => s.Database.History));
    }

    [Fact]
    public void Start_TargetAlreadyWriter_ThrowsInvalidDBClusterStateFault()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => lab.Start(PromotionKind.Failover, LabFixture.Primary));

        Assert.Equal("InvalidDBClusterStateFault", error.Code);
    }

    [Fact]
    public void Failover_StuckPromotion_CompletesOnlyAfterFaultEnds()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.StuckPromotion, 0, 600));
        lab.Start(PromotionKind.Failover);

        lab.Advance(599);
        Assert.Equal("failing-over", lab.Run(s => s.Database.Status));
        lab.Advance(1 + 60);

        Assert.Equal(LabFixture.Secondary, lab.Run(s => s.Database.WriterRegion));
    }

    [Fact]
    public void Failover_SlowPromotion_TakesFactorTimesLonger()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.SlowPromotion, 0, null, Factor: 3));
        lab.Start(PromotionKind.Failover);

        lab.Advance(179);
        Assert.Equal(LabFixture.Primary, lab.Run(s => s.Database.WriterRegion));
        lab.Advance(1);

        Assert.Equal(LabFixture.Secondary, lab.Run(s => s.Database.WriterRegion));
    }

    [Fact]
    public void Switchover_PrimaryLostBeforeCompletion_IsCancelledAndRolesUnchanged()
    {
        var lab = new LabFixture();
        lab.Start(PromotionKind.Switchover);
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 30, null, LabFixture.Primary));

        lab.Advance(120);
        Assert.Equal("cancelling", lab.Run(s => s.Database.Current?.FailoverStatus));
        lab.Advance(30);

        Assert.Equal(LabFixture.Primary, lab.Run(s => s.Database.WriterRegion));
        Assert.Equal("Cancelled", lab.Run(s => s.Database.History[0].Outcome));
    }
}
