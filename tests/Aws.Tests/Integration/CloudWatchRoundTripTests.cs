using System.Globalization;
using DrLambdas.Aws.CloudWatch;

namespace DrLambdas.Aws.Tests.Integration;

[Collection(MotoServerGroup.Name)]
public sealed class CloudWatchRoundTripTests(MotoServerFixture moto) : IDisposable
{
    private const string Version = "2010-08-01";
    private const string Region = "ap-northeast-1";
    private readonly AwsClientFactory _aws = new(moto.Options(Region));
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task GetMetricData_PutRpoLag_ReadsTheMaximumBackFromThatRegionOnly()
    {
        var cluster = $"app-nrt-{_suffix}";
        // moto stores data points at the time they are put, so the query window is built around the real clock.
        var now = TimeProvider.System.GetUtcNow();
        var timestamp = now.AddSeconds(-now.Second).AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await moto.Seeder.QueryAsync("monitoring", "ap-east-2", Version, "PutMetricData",
            ("Namespace", "AWS/RDS"),
            ("MetricData.member.1.MetricName", "AuroraGlobalDBRPOLag"),
            ("MetricData.member.1.Dimensions.member.1.Name", "DBClusterIdentifier"),
            ("MetricData.member.1.Dimensions.member.1.Value", cluster),
            ("MetricData.member.1.Value", "850"),
            ("MetricData.member.1.Timestamp", timestamp),
            ("MetricData.member.1.Unit", "Milliseconds"));
        var request = new GetMetricDataRequest(
            [MetricDataQuery.ForMetric("rpoLag", new Metric("AWS/RDS", "AuroraGlobalDBRPOLag", [new MetricDimension("DBClusterIdentifier", cluster)]), 60, "Maximum")],
            now.AddMinutes(-10), now.AddMinutes(1));

        var inPrimary = Assert.Single(await _aws.CloudWatch.GetMetricDataAsync(request, region: "ap-east-2"));
        var inSecondary = Assert.Single(await _aws.CloudWatch.GetMetricDataAsync(request));

        Assert.Equal("rpoLag", inPrimary.Id);
        Assert.Equal(850.0, Assert.Single(inPrimary.Points).Value);
        Assert.Empty(inSecondary.Points);
    }

    [Fact]
    public async Task PutMetricData_HighResolutionProbes_ReadBackPerSecondInThatRegionOnly()
    {
        var observer = $"obs-{_suffix}";
        var now = TimeProvider.System.GetUtcNow();
        var second = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(-10);
        Metric Probe() => new("DrLambdas/Probes", "EndpointHealthy", [new MetricDimension("Observer", observer), new MetricDimension("Target", "ap-east-2")]);
        await _aws.CloudWatch.PutMetricDataAsync("DrLambdas/Probes",
        [
            new MetricDatum("EndpointHealthy", Probe().Dimensions, 1, second, 1),
            new MetricDatum("EndpointHealthy", Probe().Dimensions, 0, second.AddSeconds(5), 1),
        ]);
        var request = new GetMetricDataRequest([MetricDataQuery.ForMetric("probe", Probe(), 1, "Minimum")], second.AddSeconds(-1), now.AddSeconds(1), NewestFirst: false);

        var here = Assert.Single(await _aws.CloudWatch.GetMetricDataAsync(request));
        var elsewhere = Assert.Single(await _aws.CloudWatch.GetMetricDataAsync(request, region: "ap-east-2"));

        Assert.Equal([1.0, 0.0], here.Points.Select(point => point.Value));
        Assert.Empty(elsewhere.Points);
    }

    [Fact]
    public async Task DescribeAlarms_AlarmSetToAlarm_ReturnsItsStateAndReasonAndSkipsUnknownNames()
    {
        var name = $"tpe-health-{_suffix}";
        await moto.Seeder.QueryAsync("monitoring", Region, Version, "PutMetricAlarm",
            ("AlarmName", name), ("Namespace", "AWS/Route53"), ("MetricName", "HealthCheckStatus"), ("Statistic", "Minimum"),
            ("Period", "60"), ("EvaluationPeriods", "3"), ("Threshold", "1"), ("ComparisonOperator", "LessThanThreshold"));
        await moto.Seeder.QueryAsync("monitoring", Region, Version, "SetAlarmState",
            ("AlarmName", name), ("StateValue", "ALARM"), ("StateReason", "drill: primary unhealthy"));

        var alarms = await _aws.CloudWatch.DescribeAlarmsAsync([name, $"missing-{_suffix}"]);

        var alarm = Assert.Single(alarms);
        Assert.Equal((name, AlarmKind.Metric, CloudWatchAlarmState.Alarm, "drill: primary unhealthy"), (alarm.Name, alarm.Kind, alarm.State, alarm.StateReason));
        Assert.Equal(("AWS/Route53", "HealthCheckStatus"), (alarm.Namespace, alarm.MetricName));
        Assert.Equal($"arn:aws:cloudwatch:{Region}:{MotoSeeder.AccountId}:alarm:{name}", alarm.Arn);
        Assert.NotNull(alarm.StateUpdatedAt);
    }

    [Fact]
    public async Task DescribeAlarms_AlarmInOtherRegion_IsOnlyVisibleWithThatRegion()
    {
        var name = $"nrt-health-{_suffix}";
        await moto.Seeder.QueryAsync("monitoring", "ap-east-2", Version, "PutMetricAlarm",
            ("AlarmName", name), ("Namespace", "AWS/Route53"), ("MetricName", "HealthCheckStatus"), ("Statistic", "Minimum"),
            ("Period", "60"), ("EvaluationPeriods", "1"), ("Threshold", "1"), ("ComparisonOperator", "LessThanThreshold"));

        Assert.Empty(await _aws.CloudWatch.DescribeAlarmsAsync([name]));
        Assert.Equal(name, Assert.Single(await _aws.CloudWatch.DescribeAlarmsAsync([name], region: "ap-east-2")).Name);
    }

    public void Dispose() => _aws.Dispose();
}
