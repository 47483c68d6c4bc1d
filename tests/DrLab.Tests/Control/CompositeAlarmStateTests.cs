using System.Text.Json;
using DrLambdas.DrLab.Control;
using DrLambdas.DrLab.Services;

namespace DrLambdas.DrLab.Tests.Control;

/// <summary>/_lab/state lists composite alarms next to metric alarms, with their type, rule and state.</summary>
public class CompositeAlarmStateTests
{
    private static readonly CloudWatchService CloudWatch = new();

    private static JsonElement Alarm(LabFixture lab, string name)
    {
        var json = lab.Run(s => JsonSerializer.Serialize(StateDocuments.State(s), LabJsonContext.Default.LabStateDocument));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("alarms").EnumerateArray().Single(a => a.GetProperty("name").GetString() == name).Clone();
    }

    private static void PutObserverAlarm(LabFixture lab, string observer) => lab.Query(CloudWatch, LabFixture.Secondary, "PutMetricAlarm",
        ("AlarmName", $"probe-{observer}"), ("Namespace", "DrLambdas/Probes"), ("MetricName", "EndpointHealthy"),
        ("Dimensions.member.1.Name", "Observer"), ("Dimensions.member.1.Value", observer),
        ("Dimensions.member.2.Name", "Target"), ("Dimensions.member.2.Value", LabFixture.Primary),
        ("Statistic", "Maximum"), ("Period", "10"), ("EvaluationPeriods", "3"), ("DatapointsToAlarm", "3"),
        ("Threshold", "1"), ("ComparisonOperator", "LessThanThreshold"), ("TreatMissingData", "notBreaching"));

    private static LabFixture WithComposite()
    {
        var lab = new LabFixture(witness: LabFixture.Witness);
        PutObserverAlarm(lab, LabFixture.Secondary);
        PutObserverAlarm(lab, LabFixture.Witness);
        lab.Query(CloudWatch, LabFixture.Secondary, "PutCompositeAlarm", ("AlarmName", "primary-probes"),
            ("AlarmRule", $"ALARM(\"probe-{LabFixture.Secondary}\") AND ALARM(\"probe-{LabFixture.Witness}\")"));
        return lab;
    }

    [Fact]
    public void State_CompositeAlarm_ListedWithItsTypeRuleAndRegion()
    {
        var composite = Alarm(WithComposite(), "primary-probes");

        Assert.Equal("CompositeAlarm", composite.GetProperty("type").GetString());
        Assert.Equal(LabFixture.Secondary, composite.GetProperty("region").GetString());
        Assert.Contains($"ALARM(\"probe-{LabFixture.Witness}\")", composite.GetProperty("alarmRule").GetString(), StringComparison.Ordinal);
        Assert.Equal("INSUFFICIENT_DATA", composite.GetProperty("state").GetString());
    }

    [Fact]
    public void State_CompositeAlarmAfterEvaluation_ShowsItsCurrentState()
    {
        var lab = WithComposite();
        lab.Advance(30);

        Assert.Equal("OK", Alarm(lab, "primary-probes").GetProperty("state").GetString());
    }

    [Fact]
    public void State_MetricAlarm_TypedMetricAlarmWithoutRule()
    {
        var metric = Alarm(WithComposite(), $"probe-{LabFixture.Witness}");

        Assert.Equal("MetricAlarm", metric.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, metric.GetProperty("alarmRule").ValueKind);
    }
}
