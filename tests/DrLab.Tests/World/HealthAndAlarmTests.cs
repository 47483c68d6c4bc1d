using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World;

public class HealthAndAlarmTests
{
    [Fact]
    public void Route53_PrimaryRegionOutage_StaysHealthyUntilThresholdIntervalsPassed()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));

        lab.Advance(59);
        Assert.True(lab.Run(s => s.Checkers.IsHealthy(LabFixture.Primary)));
        lab.Advance(31);

        Assert.False(lab.Run(s => s.Checkers.IsHealthy(LabFixture.Primary)));
        Assert.True(lab.Run(s => s.Checkers.IsHealthy(LabFixture.Secondary)));
    }

    [Fact]
    public void Route53_UnhealthyCheckers_ReportTheFailure()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.AppOutage, 0, null, LabFixture.Primary));
        lab.Advance(120);

        var reports = lab.Run(s => s.Checkers.Observations(LabFixture.Primary).Select(c => c.Report).ToList());

        Assert.All(reports, r => Assert.StartsWith("Failure: HTTP Status Code 503", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Route53_Partition_SeesBothRegionsHealthyWhileObserverCannotReachPrimary()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.Partition, 0, null));
        lab.Advance(300);

        Assert.True(lab.Run(s => s.Checkers.IsHealthy(LabFixture.Primary)));
        Assert.False(lab.Run(s => s.IsReachableFromObserver(LabFixture.Primary)));
        Assert.True(lab.Run(s => s.IsReachableFromObserver(LabFixture.Secondary)));
    }

    [Fact]
    public void Route53_FlappingFasterThanThreshold_StaysHealthy()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.FlappingHealth, 0, null, LabFixture.Primary, DownSeconds: 40, UpSeconds: 40));

        var verdicts = new List<bool>();
        for (var i = 0; i < 40; i++)
        {
            lab.Advance(10);
            verdicts.Add(lab.Run(s => s.Checkers.IsHealthy(LabFixture.Primary)));
        }

        Assert.All(verdicts, Assert.True);
    }

    [Fact]
    public void EndpointHealth_DatabaseOutage_AppDownWithDatabaseComponentDown()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.DatabaseOutage, 0, null, LabFixture.Primary));

        var health = lab.Run(s => EndpointHealth.Of(LabFixture.Primary, s.Conditions));

        Assert.False(health.Healthy);
        Assert.True(health.AppUp);
        Assert.Equal(503, health.HttpStatus);
        Assert.Contains("\"db\":{\"status\":\"DOWN\"", DrLambdas.DrLab.Control.AppHealthEndpoint.Document(health, "writer"), StringComparison.Ordinal);
    }
}
