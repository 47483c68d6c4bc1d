using System.Text.Json;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>DescribeAlarms' MetricAlarms and CompositeAlarms in awsQuery XML and awsJson, from the alarms' definitions and states.</summary>
internal static class AlarmReplies
{
    private static readonly string[] StandardStatistics = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

    public static void WriteXml(XmlOut xml, IReadOnlyList<MetricAlarm> alarms, IReadOnlyList<CompositeAlarm> composites)
    {
        xml.Start("MetricAlarms");
        foreach (var alarm in alarms)
        {
            var d = alarm.Definition;
            XmlIdentity(xml.Start("member"), d.Name, d.Arn, d.Description, d.ConfiguredAt, d.ActionsEnabled);
            Members(xml, "OKActions", d.OkActions);
            Members(xml, "AlarmActions", d.AlarmActions);
            Members(xml, "InsufficientDataActions", d.InsufficientDataActions);
            xml.Element("StateValue", alarm.Value)
                .Element("StateReason", alarm.Reason)
                .Element("StateReasonData", alarm.ReasonData)
                .Element("StateUpdatedTimestamp", alarm.UpdatedAt)
                .Element("MetricName", d.MetricName)
                .Element("Namespace", d.Namespace)
                .Element(IsStandard(d) ? "Statistic" : "ExtendedStatistic", d.Statistic)
                .Start("Dimensions");
            foreach (var (name, value) in d.Dimensions)
            {
                xml.Start("member").Element("Name", name).Element("Value", value).End();
            }

            xml.End()
                .Element("Period", d.Period)
                .Element("EvaluationPeriods", d.EvaluationPeriods)
                .Element("DatapointsToAlarm", d.DatapointsToAlarm)
                .Element("Threshold", d.Threshold)
                .Element("ComparisonOperator", d.ComparisonOperator)
                .Element("TreatMissingData", d.TreatMissingData)
                .Element("StateTransitionedTimestamp", alarm.UpdatedAt)
                .End();
        }

        xml.End().Start("CompositeAlarms");
        foreach (var alarm in composites)
        {
            var d = alarm.Definition;
            XmlIdentity(xml.Start("member"), d.Name, d.Arn, d.Description, d.ConfiguredAt, d.ActionsEnabled)
                .Element("AlarmRule", d.RuleText)
                .Element("StateValue", alarm.Value)
                .Element("StateReason", alarm.Reason)
                .Element("StateUpdatedTimestamp", alarm.UpdatedAt)
                .Element("StateTransitionedTimestamp", alarm.UpdatedAt);
            Members(xml, "OKActions", []);
            Members(xml, "AlarmActions", []);
            Members(xml, "InsufficientDataActions", []);
            xml.End();
        }

        xml.End();
    }

    /// <summary>The XML twin of <see cref="WriteJsonIdentity"/>.</summary>
    private static XmlOut XmlIdentity(
        XmlOut xml, string name, string arn, string? description, DateTimeOffset configuredAt, bool actionsEnabled) => xml
        .Element("AlarmName", name)
        .Element("AlarmArn", arn)
        .Element("AlarmDescription", description)
        .Element("AlarmConfigurationUpdatedTimestamp", configuredAt)
        .Element("ActionsEnabled", actionsEnabled);

    /// <summary>The fields every alarm type starts with: name, ARN, description, configuration time, actions enabled.</summary>
    private static void WriteJsonIdentity(
        Utf8JsonWriter w, string name, string arn, string? description, DateTimeOffset configuredAt, bool actionsEnabled)
    {
        w.WriteString("AlarmName", name);
        w.WriteString("AlarmArn", arn);
        if (description is not null)
        {
            w.WriteString("AlarmDescription", description);
        }

        JsonReplies.WriteTimestamp(w, "AlarmConfigurationUpdatedTimestamp", configuredAt);
        w.WriteBoolean("ActionsEnabled", actionsEnabled);
    }

    public static void WriteJson(Utf8JsonWriter w, IReadOnlyList<MetricAlarm> alarms, IReadOnlyList<CompositeAlarm> composites)
    {
        w.WriteStartArray("MetricAlarms");
        foreach (var alarm in alarms)
        {
            var d = alarm.Definition;
            w.WriteStartObject();
            WriteJsonIdentity(w, d.Name, d.Arn, d.Description, d.ConfiguredAt, d.ActionsEnabled);
            Strings(w, "OKActions", d.OkActions);
            Strings(w, "AlarmActions", d.AlarmActions);
            Strings(w, "InsufficientDataActions", d.InsufficientDataActions);
            w.WriteString("StateValue", alarm.Value);
            w.WriteString("StateReason", alarm.Reason);
            w.WriteString("StateReasonData", alarm.ReasonData);
            JsonReplies.WriteTimestamp(w, "StateUpdatedTimestamp", alarm.UpdatedAt);
            w.WriteString("MetricName", d.MetricName);
            w.WriteString("Namespace", d.Namespace);
            w.WriteString(IsStandard(d) ? "Statistic" : "ExtendedStatistic", d.Statistic);
            w.WriteStartArray("Dimensions");
            foreach (var (name, value) in d.Dimensions)
            {
                w.WriteStartObject();
                w.WriteString("Name", name);
                w.WriteString("Value", value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("Period", d.Period);
            w.WriteNumber("EvaluationPeriods", d.EvaluationPeriods);
            w.WriteNumber("DatapointsToAlarm", d.DatapointsToAlarm);
            w.WriteNumber("Threshold", d.Threshold);
            w.WriteString("ComparisonOperator", d.ComparisonOperator);
            w.WriteString("TreatMissingData", d.TreatMissingData);
            JsonReplies.WriteTimestamp(w, "StateTransitionedTimestamp", alarm.UpdatedAt);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("CompositeAlarms");
        foreach (var alarm in composites)
        {
            var d = alarm.Definition;
            w.WriteStartObject();
            WriteJsonIdentity(w, d.Name, d.Arn, d.Description, d.ConfiguredAt, d.ActionsEnabled);
            w.WriteString("AlarmRule", d.RuleText);
            w.WriteString("StateValue", alarm.Value);
            w.WriteString("StateReason", alarm.Reason);
            JsonReplies.WriteTimestamp(w, "StateUpdatedTimestamp", alarm.UpdatedAt);
            JsonReplies.WriteTimestamp(w, "StateTransitionedTimestamp", alarm.UpdatedAt);
            Strings(w, "OKActions", []);
            Strings(w, "AlarmActions", []);
            Strings(w, "InsufficientDataActions", []);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static bool IsStandard(AlarmDefinition d) => StandardStatistics.Contains(d.Statistic, StringComparer.Ordinal);

    private static void Members(XmlOut xml, string name, IReadOnlyList<string> values)
    {
        xml.Start(name);
        foreach (var value in values)
        {
            xml.Element("member", value);
        }

        xml.End();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
