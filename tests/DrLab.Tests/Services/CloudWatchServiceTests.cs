using System.Text.Json;
using System.Xml.Linq;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Services;

public class CloudWatchServiceTests
{
    private static readonly CloudWatchService CloudWatch = new();

    [Fact]
    public void DescribeAlarms_AlarmCreatedInUsEast1_ListedThereOnly()
    {
        var lab = new LabFixture();
        var name = lab.PutHealthCheckAlarm(LabFixture.Primary);

        Assert.Equal([name], AlarmNames(lab, LabFixture.UsEast1));
        Assert.Empty(AlarmNames(lab, LabFixture.Secondary));
        Assert.Empty(AlarmNames(lab, LabFixture.Primary));
    }

    [Fact]
    public void DescribeAlarms_Json_ReturnsTheDefinitionAsPut()
    {
        var lab = new LabFixture();
        lab.Json(CloudWatch, LabFixture.Secondary, "PutMetricAlarm", """
            {"AlarmName":"lag","Namespace":"AWS/RDS","MetricName":"AuroraGlobalDBRPOLag",
             "Dimensions":[{"Name":"DBClusterIdentifier","Value":"app-ap-northeast-1"}],"ExtendedStatistic":"p90","Period":60,
             "EvaluationPeriods":2,"DatapointsToAlarm":1,"Threshold":5000,"ComparisonOperator":"GreaterThanThreshold",
             "AlarmActions":["arn:aws:sns:ap-northeast-1:111122223333:alerts"],"AlarmDescription":"RPO lag"}
            """);

        var reply = lab.Json(CloudWatch, LabFixture.Secondary, "DescribeAlarms", """{"AlarmNames":["lag"]}""");

        var alarm = JsonDocument.Parse(reply.Body).RootElement.GetProperty("MetricAlarms")[0];
        Assert.Equal("p90", alarm.GetProperty("ExtendedStatistic").GetString());
        Assert.Equal(5000, alarm.GetProperty("Threshold").GetDouble());
        Assert.Equal(1, alarm.GetProperty("DatapointsToAlarm").GetInt32());
        Assert.Equal("arn:aws:sns:ap-northeast-1:111122223333:alerts", alarm.GetProperty("AlarmActions")[0].GetString());
        Assert.Equal("INSUFFICIENT_DATA", alarm.GetProperty("StateValue").GetString());
        Assert.Equal("arn:aws:cloudwatch:ap-northeast-1:111122223333:alarm:lag", alarm.GetProperty("AlarmArn").GetString());
    }

    [Theory]
    [InlineData("ComparisonOperator", "Below", "ValidationError")]
    [InlineData("Period", "45", "InvalidParameterValue")]
    [InlineData("TreatMissingData", "sometimes", "ValidationError")]
    [InlineData("DatapointsToAlarm", "2", "ValidationError")]
    public void PutMetricAlarm_InvalidParameter_RefusedAndNothingCreated(string parameter, string value, string code)
    {
        var lab = new LabFixture();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AlarmName"] = "bad", ["Namespace"] = "AWS/Route53", ["MetricName"] = "HealthCheckStatus", ["Statistic"] = "Minimum",
            ["Period"] = "60", ["EvaluationPeriods"] = "1", ["Threshold"] = "1", ["ComparisonOperator"] = "LessThanThreshold",
        };
        parameters[parameter] = value;

        var error = Assert.Throws<LabError>(() =>
            lab.Query(CloudWatch, LabFixture.UsEast1, "PutMetricAlarm", parameters.Select(p => (p.Key, p.Value)).ToArray()));

        Assert.Equal(code, error.Code);
        Assert.Empty(lab.Run(s => s.Alarms.All));
    }

    [Fact]
    public void PutMetricAlarm_StatisticAndExtendedStatisticBoth_InvalidParameterCombination()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => lab.Query(CloudWatch, LabFixture.UsEast1, "PutMetricAlarm",
            ("AlarmName", "both"), ("Namespace", "AWS/Route53"), ("MetricName", "HealthCheckStatus"), ("Statistic", "Minimum"),
            ("ExtendedStatistic", "p99"), ("Period", "60"), ("EvaluationPeriods", "1"), ("Threshold", "1"),
            ("ComparisonOperator", "LessThanThreshold")));

        Assert.Equal("InvalidParameterCombination", error.Code);
    }

    [Fact]
    public void GetMetricData_SampleInsideTheIngestionDelay_NotReturned()
    {
        var lab = new LabFixture();
        lab.Advance(62);
        var cluster = lab.Definition.ClusterId(LabFixture.Secondary);
        (string, string)[] query =
        [
            ("MetricDataQueries.member.1.Id", "rpo"),
            ("MetricDataQueries.member.1.MetricStat.Metric.Namespace", "AWS/RDS"),
            ("MetricDataQueries.member.1.MetricStat.Metric.MetricName", "AuroraGlobalDBRPOLag"),
            ("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name", "DBClusterIdentifier"),
            ("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value", cluster),
            ("MetricDataQueries.member.1.MetricStat.Period", "1"),
            ("MetricDataQueries.member.1.MetricStat.Stat", "Maximum"),
            ("StartTime", "2026-03-01T00:00:00Z"),
            ("EndTime", "2026-03-01T00:10:00Z"),
        ];

        var reply = lab.Query(CloudWatch, LabFixture.Secondary, "GetMetricData", query);

        var timestamps = XElement.Parse(reply.Body).Descendants().Where(e => e.Name.LocalName == "Timestamps").Single().Elements().ToList();
        Assert.Equal(["2026-03-01T00:00:00Z"], timestamps.Select(t => t.Value.Replace(".000", string.Empty, StringComparison.Ordinal)));
    }

    private static List<string> AlarmNames(LabFixture lab, string region) =>
        XElement.Parse(lab.Query(CloudWatch, region, "DescribeAlarms").Body).Descendants()
            .Where(e => e.Name.LocalName == "AlarmName").Select(e => e.Value).ToList();
}
