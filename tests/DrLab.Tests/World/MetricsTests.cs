using DrLambdas.DrLab.Time;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World;

public class MetricsTests
{
    private static MetricKey RpoLagOf(string region) =>
        MetricKey.Of(region, "AWS/RDS", "AuroraGlobalDBRPOLag", [("DBClusterIdentifier", "app-" + region)]);

    [Fact]
    public void RpoLag_ReplicationLagFault_PublishedInModelMillisecondsInTheSecondaryRegion()
    {
        var lab = new LabFixture(TimeProfile.Fast);
        lab.Inject(new FaultSpec(FaultKind.ReplicationLag, 0, null, LagMilliseconds: 10_000));
        lab.Advance(30);

        var latest = lab.Run(s => s.Metrics.Latest(RpoLagOf(LabFixture.Secondary), s.Now));

        Assert.NotNull(latest);
        Assert.Equal(10_000, latest.Value.Value, 0);
        Assert.Null(lab.Run(s => s.Metrics.Latest(RpoLagOf(LabFixture.Primary), s.Now)));
    }

    [Fact]
    public void Query_MaximumPerPeriod_AggregatesSamplesIntoEpochAlignedBuckets()
    {
        var store = new MetricStore();
        var key = RpoLagOf(LabFixture.Secondary);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        store.Put(key, start.AddSeconds(10), 100, start.AddSeconds(10));
        store.Put(key, start.AddSeconds(50), 300, start.AddSeconds(50));
        store.Put(key, start.AddSeconds(70), 200, start.AddSeconds(70));

        var points = store.Query(key, start, start.AddMinutes(5), 60, "Maximum", ascending: false, start.AddMinutes(5));

        Assert.Equal([start.AddSeconds(60), start], points.Select(p => p.Timestamp));
        Assert.Equal([200.0, 300.0], points.Select(p => p.Value));
    }

    [Fact]
    public void Query_UnknownStatistic_ThrowsInvalidParameterValue()
    {
        var store = new MetricStore();

        var error = Assert.Throws<LabError>(() =>
            store.Query(RpoLagOf(LabFixture.Secondary), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), 60, "Median", false,
                DateTimeOffset.UnixEpoch.AddHours(1)));

        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Fact]
    public void HealthCheckStatus_RegionOutage_PublishesZeroInUsEast1()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));
        lab.Advance(125);
        var key = MetricKey.Of("us-east-1", "AWS/Route53", "HealthCheckStatus",
            [("HealthCheckId", lab.Definition.HealthCheckIds[LabFixture.Primary])]);

        Assert.Equal(0, lab.Run(s => s.Metrics.Latest(key, s.Now))?.Value);
    }

    [Fact]
    public void HealthCheckStatus_LabRegions_NeverPublished()
    {
        var lab = new LabFixture();
        lab.Advance(300);

        foreach (var region in new[] { LabFixture.Primary, LabFixture.Secondary })
        {
            var key = MetricKey.Of(region, "AWS/Route53", "HealthCheckStatus",
                [("HealthCheckId", lab.Definition.HealthCheckIds[LabFixture.Primary])]);
            Assert.Null(lab.Run(s => s.Metrics.Latest(key, s.Now)));
        }
    }

    [Fact]
    public void RpoLag_NewSample_InvisibleUntilTheIngestionDelayHasPassed()
    {
        var lab = new LabFixture();
        lab.Advance(60);
        var published = lab.Run(s => s.Metrics.Latest(RpoLagOf(LabFixture.Secondary), s.Now + TimeSpan.FromHours(1)))!.Value.Timestamp;

        var before = lab.Run(s => s.Metrics.Latest(RpoLagOf(LabFixture.Secondary), s.Now))!.Value.Timestamp;
        lab.Advance(5);
        var after = lab.Run(s => s.Metrics.Latest(RpoLagOf(LabFixture.Secondary), s.Now))!.Value.Timestamp;

        Assert.Equal(lab.Time.GetUtcNow().AddSeconds(-5), published);
        Assert.True(before < published);
        Assert.Equal(published, after);
    }

    [Fact]
    public void HealthCheckStatus_OneMinuteData_StampedAtTheMinuteAndVisibleAfterItEndsPlusDelay()
    {
        var lab = new LabFixture();
        var key = MetricKey.Of("us-east-1", "AWS/Route53", "HealthCheckStatus",
            [("HealthCheckId", lab.Definition.HealthCheckIds[LabFixture.Primary])]);
        lab.Advance(64);
        Assert.Null(lab.Run(s => s.Metrics.Latest(key, s.Now)));

        lab.Advance(1);

        Assert.Equal(lab.Time.GetUtcNow().AddSeconds(-65), lab.Run(s => s.Metrics.Latest(key, s.Now))!.Value.Timestamp);
    }
}
