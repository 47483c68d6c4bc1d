using System.Globalization;
using System.Xml.Linq;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World;

/// <summary>The probes' 1-second metric, the high-resolution alarms on it and the composite alarm over two observers.</summary>
public class ProbeAlarmTests
{
    private const string Region = LabFixture.Secondary;
    private const string Witness = "us-west-2";
    private static readonly CloudWatchService CloudWatch = new();
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static void Publish(LabFixture lab, string observer, double value, DateTimeOffset? at = null, int resolution = 1) =>
        lab.Query(CloudWatch, Region, "PutMetricData",
            ("Namespace", "DrLambdas/Probes"),
            ("MetricData.member.1.MetricName", "EndpointHealthy"),
            ("MetricData.member.1.Dimensions.member.1.Name", "Observer"), ("MetricData.member.1.Dimensions.member.1.Value", observer),
            ("MetricData.member.1.Dimensions.member.2.Name", "Target"), ("MetricData.member.1.Dimensions.member.2.Value", LabFixture.Primary),
            ("MetricData.member.1.Value", value.ToString(CultureInfo.InvariantCulture)),
            ("MetricData.member.1.Timestamp", (at ?? lab.Time.GetUtcNow()).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            ("MetricData.member.1.StorageResolution", resolution.ToString(CultureInfo.InvariantCulture)));

    private static string PutObserverAlarm(LabFixture lab, string observer, string period = "10")
    {
        var name = $"probe-{observer}";
        lab.Query(CloudWatch, Region, "PutMetricAlarm",
            ("AlarmName", name), ("Namespace", "DrLambdas/Probes"), ("MetricName", "EndpointHealthy"),
            ("Dimensions.member.1.Name", "Observer"), ("Dimensions.member.1.Value", observer),
            ("Dimensions.member.2.Name", "Target"), ("Dimensions.member.2.Value", LabFixture.Primary),
            ("Statistic", "Maximum"), ("Period", period), ("EvaluationPeriods", "3"), ("DatapointsToAlarm", "3"),
            ("Threshold", "1"), ("ComparisonOperator", "LessThanThreshold"), ("TreatMissingData", "notBreaching"));
        return name;
    }

    private static void PutAgreement(LabFixture lab) => lab.Query(CloudWatch, Region, "PutCompositeAlarm",
        ("AlarmName", "primary-probes"), ("AlarmRule", $"ALARM(\"probe-{Region}\") AND ALARM(\"probe-{Witness}\")"));

    /// <summary>Both observers publish every second for <paramref name="seconds"/>, the witness only while it is reachable.</summary>
    private static void Probe(LabFixture lab, int seconds, double value, bool witnessReachable = true)
    {
        for (var i = 0; i < seconds; i++)
        {
            Publish(lab, Region, value);
            if (witnessReachable)
            {
                Publish(lab, Witness, value);
            }

            lab.Advance(1);
        }
    }

    private static string State(LabFixture lab, string name) => lab.Run(s => s.Alarms.StateOf(Region, name))!;

    [Fact]
    public void PutMetricData_HighResolution_ReadPerSecondOnceIngested()
    {
        var lab = new LabFixture();
        lab.Advance(3.4);
        Publish(lab, Region, 0);

        XNamespace ns = "http://monitoring.amazonaws.com/doc/2010-08-01/";
        string[] Points() => XDocument.Parse(lab.Query(CloudWatch, Region, "GetMetricData",
                ("MetricDataQueries.member.1.Id", "p"),
                ("MetricDataQueries.member.1.MetricStat.Metric.Namespace", "DrLambdas/Probes"),
                ("MetricDataQueries.member.1.MetricStat.Metric.MetricName", "EndpointHealthy"),
                ("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name", "Observer"),
                ("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value", Region),
                ("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Name", "Target"),
                ("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Value", LabFixture.Primary),
                ("MetricDataQueries.member.1.MetricStat.Period", "1"), ("MetricDataQueries.member.1.MetricStat.Stat", "Minimum"),
                ("StartTime", "2026-03-01T00:00:00Z"), ("EndTime", "2026-03-01T00:01:00Z")).Body)
            .Descendants().Where(e => e.Name.LocalName == "Timestamps").Elements().Select(e => e.Value).ToArray();

        Assert.Empty(Points());
        lab.Advance(5);
        Assert.Equal(["2026-03-01T00:00:03.000Z"], Points());
    }

    [Theory]
    [InlineData("Namespace", "AWS/Probes")]
    [InlineData("MetricData.member.1.StorageResolution", "5")]
    [InlineData("MetricData.member.1.Timestamp", "2026-03-01T03:00:00Z")]
    public void PutMetricData_InvalidParameter_RefusedAndNothingStored(string parameter, string value)
    {
        var lab = new LabFixture();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Namespace"] = "DrLambdas/Probes", ["MetricData.member.1.MetricName"] = "EndpointHealthy", ["MetricData.member.1.Value"] = "1",
            ["MetricData.member.1.StorageResolution"] = "1",
        };
        parameters[parameter] = value;

        var error = Assert.Throws<LabError>(() => lab.Query(CloudWatch, Region, "PutMetricData", parameters.Select(p => (p.Key, p.Value)).ToArray()));

        Assert.Equal("InvalidParameterValue", error.Code);
        lab.Advance(10);
        Assert.Null(lab.Run(s => s.Metrics.Latest(MetricKey.Of(Region, "DrLambdas/Probes", "EndpointHealthy", []), s.Now)));
    }

    [Theory]
    [InlineData("15")]
    [InlineData("45")]
    [InlineData("5")]
    public void PutMetricAlarm_PeriodBelowAMinuteNotTenTwentyOrThirty_Refused(string period)
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => PutObserverAlarm(lab, Region, period));

        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Fact]
    public void HighResolutionAlarm_ThreeFailingTenSecondPeriods_AlarmsOnTheTenSecondGrid()
    {
        var lab = new LabFixture();
        var name = PutObserverAlarm(lab, Region);

        Probe(lab, 60, 0);

        var transition = lab.Run(s => s.Alarms.Transitions).First(t => t.Name == name && t.State == MetricAlarm.Alarm);
        // Periods [0,10), [10,20), [20,30) complete at 30 s, visible 5 s later: the evaluation at 35 s alarms.
        Assert.Equal(Start.AddSeconds(35), transition.At);
    }

    [Fact]
    public void HighResolutionAlarm_IntermittentFailures_StaysOk()
    {
        var lab = new LabFixture();
        var name = PutObserverAlarm(lab, Region);

        for (var i = 0; i < 12; i++)
        {
            Probe(lab, 5, i % 3 == 0 ? 1 : 0);
        }

        Assert.Equal(MetricAlarm.Ok, State(lab, name));
    }

    [Fact]
    public void CompositeAlarm_BothObserversFail_Alarms()
    {
        var lab = new LabFixture();
        PutObserverAlarm(lab, Region);
        PutObserverAlarm(lab, Witness);
        PutAgreement(lab);

        Probe(lab, 40, 0);

        Assert.Equal(MetricAlarm.Alarm, State(lab, "primary-probes"));
    }

    [Fact]
    public void CompositeAlarm_WitnessSilent_RecoveryRegionAloneNeverAlarms()
    {
        var lab = new LabFixture();
        PutObserverAlarm(lab, Region);
        PutObserverAlarm(lab, Witness);
        PutAgreement(lab);

        Probe(lab, 60, 0, witnessReachable: false);

        Assert.Equal((MetricAlarm.Alarm, MetricAlarm.Ok, MetricAlarm.Ok),
            (State(lab, $"probe-{Region}"), State(lab, $"probe-{Witness}"), State(lab, "primary-probes")));
    }

    [Fact]
    public void PutCompositeAlarm_UnknownChild_ValidationErrorAndNothingCreated()
    {
        var lab = new LabFixture();
        PutObserverAlarm(lab, Region);

        var error = Assert.Throws<LabError>(() => PutAgreement(lab));

        Assert.Equal("ValidationError", error.Code);
        Assert.Empty(lab.Run(s => s.Alarms.Composites));
    }

    [Theory]
    [InlineData("ALARM(a) AND")]
    [InlineData("AT_LEAST(2, ALARM, (a, b))")]
    [InlineData("ALARM(a")]
    [InlineData("MAYBE(a)")]
    public void AlarmRule_Malformed_ValidationError(string rule)
    {
        var error = Assert.Throws<LabError>(() => AlarmRule.Parse(rule));

        Assert.Equal("ValidationError", error.Code);
    }

    [Fact]
    public void AlarmRule_NotAndOr_UsualPrecedence()
    {
        var rule = AlarmRule.Parse("ALARM(a) OR NOT OK(b) AND ALARM(\"c\")");
        var states = new Dictionary<string, string> { ["a"] = "OK", ["b"] = "ALARM", ["c"] = "ALARM" };

        Assert.True(rule.IsTrue(states.GetValueOrDefault));
        Assert.Equal(["a", "b", "c"], rule.Alarms);
    }

    [Fact]
    public void DescribeAlarms_CompositeType_ListsTheCompositeOnlyWhenAsked()
    {
        var lab = new LabFixture();
        PutObserverAlarm(lab, Region);
        PutObserverAlarm(lab, Witness);
        PutAgreement(lab);

        var withoutTypes = lab.Json(CloudWatch, Region, "DescribeAlarms", """{"AlarmNames":["primary-probes"]}""");
        var withTypes = lab.Json(CloudWatch, Region, "DescribeAlarms", """{"AlarmNames":["primary-probes"],"AlarmTypes":["CompositeAlarm"]}""");

        Assert.Equal(0, System.Text.Json.JsonDocument.Parse(withoutTypes.Body).RootElement.GetProperty("CompositeAlarms").GetArrayLength());
        var composite = System.Text.Json.JsonDocument.Parse(withTypes.Body).RootElement.GetProperty("CompositeAlarms")[0];
        Assert.Equal($"ALARM(\"probe-{Region}\") AND ALARM(\"probe-{Witness}\")", composite.GetProperty("AlarmRule").GetString());
    }
}
