using System.Xml.Linq;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World.Traffic;

/// <summary>
/// Writes through the global writer endpoint (TTL 5 s, re-pointed 10 s after a promotion completes, applications
/// reconnect 5 s after their cached target changes; the applications refresh their cache at 0, 5, 10 … s).
/// </summary>
public class WriterEndpointTests
{
    [Fact]
    public void Writes_FailoverInFlight_FailUntilRepointTtlAndReconnectionThenSucceed()
    {
        // Failover started at 2 s completes at 62 s; re-pointed at 72 s; applications refresh at 75 s; ready at 80 s.
        var lab = new TrafficLab();
        lab.AdvanceTo(2);
        lab.Run(s => s.StartPromotion(PromotionKind.Failover, LabFixture.Secondary));

        lab.AdvanceTo(71);
        var before = lab.Run(s => (s.Traffic.WriterEndpoint.RecordTarget, s.Database.WriterRegion));
        lab.AdvanceTo(79);
        var available = lab.Run(s => s.Traffic.WriterEndpoint.IsAvailable(s.Database, s.Conditions));
        lab.AdvanceTo(82);
        var seconds = lab.Seconds();

        Assert.Equal((LabFixture.Primary, LabFixture.Secondary), before);
        Assert.True(available);
        Assert.Equal(seconds[1].Writes, seconds[1].WritesOk);
        Assert.All(seconds.Skip(2).Take(78), s => Assert.Equal(0, s.WritesOk));
        Assert.Equal(seconds[80].Writes, seconds[80].WritesOk);
        Assert.All(seconds, s => Assert.Equal(s.Reads, s.ReadsOk));
    }

    [Fact]
    public void WriterEndpoint_AfterCompletion_LeadsToTheNewWriterOnlyAfterTheRepointDelay()
    {
        var lab = new TrafficLab();
        lab.Run(s => s.StartPromotion(PromotionKind.Switchover, LabFixture.Secondary));

        lab.AdvanceTo(129.9);
        var beforeRepoint = lab.Run(s => s.Traffic.WriterEndpoint.RecordTarget);
        lab.AdvanceTo(130);
        var afterRepoint = lab.Run(s => s.Traffic.WriterEndpoint.RecordTarget);

        Assert.Equal(LabFixture.Primary, beforeRepoint);
        Assert.Equal(LabFixture.Secondary, afterRepoint);
    }

    [Fact]
    public void Writes_Partition_FailOnlyFromTheApplicationOutsideTheWriterRegion()
    {
        // Ten clients expire at 6 s steps: none re-resolves during second 1.
        var lab = new TrafficLab(clients: 10);
        lab.Inject(new FaultSpec(FaultKind.Partition, 0, null));

        lab.AdvanceTo(1);
        var (primary, secondary) = (lab.Holding(TrafficLab.PrimaryIndex), lab.Holding(TrafficLab.SecondaryIndex));
        lab.AdvanceTo(2);
        var second = lab.Second(1);

        Assert.True(secondary > 0);
        Assert.Equal(primary, second.WritesOk);
        Assert.Equal(secondary, second.Writes - second.WritesOk);
        Assert.Equal(second.Reads, second.ReadsOk);
    }

    [Fact]
    public void DescribeGlobalClusters_Endpoint_IsTheWriterEndpointTheApplicationsUse()
    {
        var lab = new LabFixture();

        var body = lab.Query(new RdsService(), LabFixture.Secondary, "DescribeGlobalClusters").Body;
        var endpoint = XElement.Parse(body).Descendants().Single(e => e.Name.LocalName == "Endpoint").Value;

        Assert.Equal(lab.Run(s => s.Traffic.WriterEndpoint.Name), endpoint);
    }
}
