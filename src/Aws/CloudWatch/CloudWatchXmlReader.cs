using System.Xml.Linq;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.CloudWatch;

/// <summary>Maps CloudWatch XML results to the model records.</summary>
internal static class CloudWatchXmlReader
{
    public static MetricDataResult MetricDataResult(XElement element)
    {
        var timestamps = element.Items("Timestamps").Select(t => AwsXml.ParseTimestamp(t.Value)).ToList();
        var values = element.Items("Values").Select(v => AwsXml.ParseDouble(v.Value)).ToList();
        if (timestamps.Count != values.Count)
        {
            throw new FormatException($"metric '{element.Text("Id")}' has {timestamps.Count} timestamps but {values.Count} values");
        }

        return new MetricDataResult(
            element.RequiredText("Id"),
            element.Text("Label"),
            timestamps.Zip(values, (time, value) => new MetricDataPoint(time, value)).ToList(),
            element.Text("StatusCode"));
    }

    public static IReadOnlyList<CloudWatchAlarm> Alarms(XElement result) =>
        [
            .. result.Items("MetricAlarms").Select(a => Alarm(a, AlarmKind.Metric)),
            .. result.Items("CompositeAlarms").Select(a => Alarm(a, AlarmKind.Composite)),
        ];

    private static CloudWatchAlarm Alarm(XElement element, AlarmKind kind) => new(
        element.RequiredText("AlarmName"),
        element.Text("AlarmArn"),
        kind,
        State(element.Text("StateValue")),
        element.Text("StateReason"),
        element.Timestamp("StateUpdatedTimestamp"),
        element.Text("Namespace"),
        element.Text("MetricName"));

    private static CloudWatchAlarmState State(string? value) => value switch
    {
        "OK" => CloudWatchAlarmState.Ok,
        "ALARM" => CloudWatchAlarmState.Alarm,
        "INSUFFICIENT_DATA" => CloudWatchAlarmState.InsufficientData,
        _ => CloudWatchAlarmState.Unknown,
    };
}
