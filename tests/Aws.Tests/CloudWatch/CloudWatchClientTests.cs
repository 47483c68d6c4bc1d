using DrLambdas.Aws.CloudWatch;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.CloudWatch;

public sealed class CloudWatchClientTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private readonly TestAws _aws = new();

    private static GetMetricDataRequest RpoLagRequest() => new(
        [
            MetricDataQuery.ForMetric(
                "rpoLag",
                new Metric("AWS/RDS", "AuroraGlobalDBRPOLag", [new MetricDimension("DBClusterIdentifier", "app-nrt")]),
                60, "Maximum", "Milliseconds"),
            new MetricDataQuery("lagSeconds", Expression: "rpoLag / 1000", Label: "RPO lag (s)", ReturnData: false),
        ],
        Start, Start.AddMinutes(5));

    [Fact]
    public async Task GetMetricData_MetricAndExpression_PostsFlattenedMemberParameters()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("cloudwatch-get-metric-data.xml"));

        await _aws.Factory.CloudWatch.GetMetricDataAsync(RpoLagRequest(), region: "ap-east-2");

        var request = _aws.SingleRequest;
        Assert.Equal("https://monitoring.ap-east-2.amazonaws.com/", request.Uri.ToString());
        Assert.Contains("/ap-east-2/monitoring/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(
            [
                new("Action", "GetMetricData"), new("Version", "2010-08-01"),
                new("MetricDataQueries.member.1.Id", "rpoLag"),
                new("MetricDataQueries.member.1.MetricStat.Metric.Namespace", "AWS/RDS"),
                new("MetricDataQueries.member.1.MetricStat.Metric.MetricName", "AuroraGlobalDBRPOLag"),
                new("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name", "DBClusterIdentifier"),
                new("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value", "app-nrt"),
                new("MetricDataQueries.member.1.MetricStat.Period", "60"),
                new("MetricDataQueries.member.1.MetricStat.Stat", "Maximum"),
                new("MetricDataQueries.member.1.MetricStat.Unit", "Milliseconds"),
                new("MetricDataQueries.member.2.Id", "lagSeconds"),
                new("MetricDataQueries.member.2.Expression", "rpoLag / 1000"),
                new("MetricDataQueries.member.2.Label", "RPO lag (s)"),
                new("MetricDataQueries.member.2.ReturnData", "false"),
                new("StartTime", "2026-11-26T00:00:00Z"), new("EndTime", "2026-11-26T00:05:00Z"),
                new("ScanBy", "TimestampDescending"),
            ],
            request.FormPairs());
    }

    [Fact]
    public async Task GetMetricData_Fixture_PairsTimestampsWithValues()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("cloudwatch-get-metric-data.xml"));

        var result = Assert.Single(await _aws.Factory.CloudWatch.GetMetricDataAsync(RpoLagRequest()));

        Assert.Equal(("rpoLag", "AuroraGlobalDBRPOLag", "Complete"), (result.Id, result.Label, result.StatusCode));
        Assert.Equal(
            [new MetricDataPoint(Start.AddMinutes(2), 850.0), new MetricDataPoint(Start.AddMinutes(1), 1200.5)],
            result.Points);
    }

    [Fact]
    public async Task GetMetricData_NextToken_MergesPagesPerQueryId()
    {
        var first = TestAws.Fixture("cloudwatch-get-metric-data.xml")
            .Replace("<Messages/>", "<Messages/><NextToken>page-2</NextToken>", StringComparison.Ordinal);
        var second = TestAws.Fixture("cloudwatch-get-metric-data.xml")
            .Replace("2026-11-26T00:02:00Z", "2026-11-26T00:00:00Z", StringComparison.Ordinal)
            .Replace("<member>2026-11-26T00:01:00Z</member>", string.Empty, StringComparison.Ordinal)
            .Replace("<member>1200.5</member>", string.Empty, StringComparison.Ordinal);
        _aws.Handler.RespondXml(first).RespondXml(second);

        var result = Assert.Single(await _aws.Factory.CloudWatch.GetMetricDataAsync(RpoLagRequest()));

        Assert.Equal([Start.AddMinutes(2), Start.AddMinutes(1), Start], result.Points.Select(p => p.Timestamp));
        Assert.Equal("page-2", _aws.Handler.Requests[1].Form()["NextToken"]);
    }

    [Fact]
    public async Task GetMetricData_MismatchedTimestampsAndValues_ThrowsInvalidResponse()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("cloudwatch-get-metric-data.xml").Replace("<member>850.0</member>", string.Empty, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Factory.CloudWatch.GetMetricDataAsync(RpoLagRequest()));

        Assert.Equal(AwsClientErrorCodes.InvalidResponse, error.ErrorCode);
    }

    [Fact]
    public async Task GetMetricData_QueryWithBothStatAndExpression_ThrowsBeforeSending()
    {
        var query = new MetricDataQuery("both", new MetricStat(new Metric("AWS/RDS", "X"), 60, "Maximum"), "1 + 1");

        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.CloudWatch.GetMetricDataAsync(
            new GetMetricDataRequest([query], Start, Start.AddMinutes(1))));

        Assert.Empty(_aws.Handler.Requests);
    }

    [Fact]
    public async Task GetMetricData_EndBeforeStart_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.CloudWatch.GetMetricDataAsync(
            RpoLagRequest() with { EndTime = Start.AddMinutes(-1) }));

        Assert.Empty(_aws.Handler.Requests);
    }

    [Fact]
    public async Task DescribeAlarms_Names_PostsAlarmNamesAndBothAlarmTypes()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("cloudwatch-describe-alarms.xml"));

        await _aws.Factory.CloudWatch.DescribeAlarmsAsync(["tpe-health", "tpe-down"]);

        Assert.Equal(
            [
                new("Action", "DescribeAlarms"), new("Version", "2010-08-01"),
                new("AlarmNames.member.1", "tpe-health"), new("AlarmNames.member.2", "tpe-down"),
                new("AlarmTypes.member.1", "CompositeAlarm"), new("AlarmTypes.member.2", "MetricAlarm"),
            ],
            _aws.SingleRequest.FormPairs());
    }

    [Fact]
    public async Task DescribeAlarms_Fixture_ParsesMetricAndCompositeAlarms()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("cloudwatch-describe-alarms.xml"));

        var alarms = await _aws.Factory.CloudWatch.DescribeAlarmsAsync(["tpe-health", "tpe-down"]);

        Assert.Equal(
            [
                new CloudWatchAlarm(
                    "tpe-health", "arn:aws:cloudwatch:ap-northeast-1:111122223333:alarm:tpe-health", AlarmKind.Metric, CloudWatchAlarmState.Alarm,
                    "Threshold Crossed: 3 datapoints were less than the threshold (1.0).",
                    new DateTimeOffset(2026, 11, 26, 0, 0, 30, 250, TimeSpan.Zero), "AWS/Route53", "HealthCheckStatus"),
                new CloudWatchAlarm(
                    "tpe-down", "arn:aws:cloudwatch:ap-northeast-1:111122223333:alarm:tpe-down", AlarmKind.Composite, CloudWatchAlarmState.Ok,
                    "arn:aws:cloudwatch:ap-northeast-1:111122223333:alarm:tpe-5xx transitioned to OK",
                    new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero), null, null),
            ],
            alarms);
    }

    [Fact]
    public async Task DescribeAlarms_MoreThanHundredNames_SplitsIntoCallsOfHundred()
    {
        var empty = "<DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms/></DescribeAlarmsResult></DescribeAlarmsResponse>";
        _aws.Handler.RespondXml(empty).RespondXml(empty);
        var names = Enumerable.Range(1, 150).Select(i => $"alarm-{i}").ToList();

        await _aws.Factory.CloudWatch.DescribeAlarmsAsync(names);

        Assert.Equal(2, _aws.Handler.Requests.Count);
        Assert.Equal(100, _aws.Handler.Requests[0].Form().Keys.Count(k => k.StartsWith("AlarmNames.", StringComparison.Ordinal)));
        Assert.Equal("alarm-101", _aws.Handler.Requests[1].Form()["AlarmNames.member.1"]);
    }

    [Fact]
    public async Task PutMetricData_HighResolutionDatum_PostsFlattenedMemberParameters()
    {
        _aws.Handler.RespondXml("<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PutMetricDataResponse>");

        await _aws.Factory.CloudWatch.PutMetricDataAsync(
            "DrLambdas/Probes",
            [new MetricDatum("EndpointHealthy", [new MetricDimension("Observer", "us-west-2"), new MetricDimension("Target", "ap-east-2")], 0, Start.AddSeconds(5), 1)],
            region: "ap-northeast-1");

        var request = _aws.SingleRequest;
        Assert.Equal("https://monitoring.ap-northeast-1.amazonaws.com/", request.Uri.ToString());
        Assert.Equal(
            [
                new("Action", "PutMetricData"), new("Version", "2010-08-01"),
                new("Namespace", "DrLambdas/Probes"),
                new("MetricData.member.1.MetricName", "EndpointHealthy"),
                new("MetricData.member.1.Dimensions.member.1.Name", "Observer"),
                new("MetricData.member.1.Dimensions.member.1.Value", "us-west-2"),
                new("MetricData.member.1.Dimensions.member.2.Name", "Target"),
                new("MetricData.member.1.Dimensions.member.2.Value", "ap-east-2"),
                new("MetricData.member.1.Timestamp", "2026-11-26T00:00:05Z"),
                new("MetricData.member.1.Value", "0"),
                new("MetricData.member.1.StorageResolution", "1"),
            ],
            request.FormPairs());
    }

    [Fact]
    public async Task PutMetricData_SubSecondTimestamp_SentWithMilliseconds()
    {
        _aws.Handler.RespondXml("<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PutMetricDataResponse>");

        await _aws.Factory.CloudWatch.PutMetricDataAsync(
            "DrLambdas/Probes", [new MetricDatum("EndpointHealthy", [], 1, Start.AddMilliseconds(5250), 1)], region: "ap-northeast-1");

        Assert.Contains(new("MetricData.member.1.Timestamp", "2026-11-26T00:00:05.250Z"), _aws.SingleRequest.FormPairs());
    }

    [Theory]
    [InlineData("AWS/Probes", 1)]
    [InlineData("DrLambdas/Probes", 5)]
    public async Task PutMetricData_ReservedNamespaceOrBadResolution_ThrowsBeforeSending(string metricNamespace, int resolution)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.CloudWatch.PutMetricDataAsync(
            metricNamespace, [new MetricDatum("EndpointHealthy", [], 1, Start, resolution)]));

        Assert.Empty(_aws.Handler.Requests);
    }

    [Fact]
    public async Task PutMetricData_NoData_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.CloudWatch.PutMetricDataAsync("DrLambdas/Probes", []));

        Assert.Empty(_aws.Handler.Requests);
    }

    public void Dispose() => _aws.Dispose();
}
