namespace DrLambdas.DrLab.Tests.Control;

public class LabOptionsTests
{
    [Fact]
    public void Parse_Defaults_FastProfileWithSecondaryObserver()
    {
        var (options, problems, help) = DrLab.LabOptions.Parse([]);

        Assert.Empty(problems);
        Assert.False(help);
        Assert.Equal("fast", options?.Profile.Name);
        Assert.Equal(LabFixture.Secondary, options?.ObserverRegion);
        Assert.Equal(0, options?.Port);
    }

    [Fact]
    public void Parse_BadValues_ReportsEachProblem()
    {
        var (options, problems, _) = DrLab.LabOptions.Parse(["--profile", "slow", "--port", "x", "--observer-region", "us-east-1", "--bogus", "1"]);

        Assert.Null(options);
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Parse_TimeScaleOverride_KeepsProfileDurations()
    {
        var (options, problems, _) = DrLab.LabOptions.Parse(["--profile", "realistic", "--time-scale", "10"]);

        Assert.Empty(problems);
        Assert.Equal(10, options?.Profile.TimeScale);
        Assert.Equal(60, options?.Profile.Durations.FailoverSeconds);
    }

    [Fact]
    public void Parse_Help_RequestsUsage()
    {
        Assert.True(DrLab.LabOptions.Parse(["--help"]).HelpRequested);
    }

    [Fact]
    public void Parse_IngestionDelayAndSeed_SetTheModelDelayAndTheFaultSeed()
    {
        var (options, problems, _) = DrLab.LabOptions.Parse(["--metric-ingestion-delay", "12.5", "--fault-seed", "42"]);

        Assert.Empty(problems);
        Assert.Equal(12.5, options?.Profile.Durations.MetricIngestionDelaySeconds);
        Assert.Equal(42, options?.FaultSeed);
    }

    [Fact]
    public void Parse_NegativeIngestionDelay_Refused()
    {
        var (options, problems, _) = DrLab.LabOptions.Parse(["--metric-ingestion-delay", "-1"]);

        Assert.Null(options);
        Assert.Single(problems);
    }

    [Fact]
    public void Parse_WitnessRegion_Kept()
    {
        var (options, problems, _) = DrLab.LabOptions.Parse(["--witness-region", "eu-west-1"]);

        Assert.Empty(problems);
        Assert.Equal("eu-west-1", options?.WitnessRegion);
    }

    [Fact]
    public void Parse_WitnessIsAnApplicationRegion_Refused()
    {
        var (options, problems, _) = DrLab.LabOptions.Parse(["--witness-region", LabFixture.Primary]);

        Assert.Null(options);
        Assert.Contains("neither the primary nor the secondary", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RouteFiftyThreeTiming_SetsTheWorldsDurations()
    {
        var (options, problems, _) = DrLab.LabOptions.Parse(
            ["--profile", "realistic", "--health-check-interval", "10", "--health-check-failure-threshold", "2", "--dns-ttl", "15"]);

        Assert.Empty(problems);
        Assert.Equal(10, options?.Profile.Durations.HealthCheckIntervalSeconds);
        Assert.Equal(2, options?.Profile.Durations.HealthCheckFailureThreshold);
        Assert.Equal(15, options?.Profile.Durations.DnsTtlSeconds);
        Assert.Equal(60, options?.Profile.Durations.FailoverSeconds);
    }

    [Fact]
    public void Parse_IntervalRouteFiftyThreeRefuses_ReportsEachProblem()
    {
        var (options, problems, _) = DrLab.LabOptions.Parse(
            ["--health-check-interval", "20", "--health-check-failure-threshold", "11", "--dns-ttl", "-1"]);

        Assert.Null(options);
        Assert.Equal(3, problems.Count);
    }
}
