using System.Globalization;
using System.Text.Json;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>PutMetricAlarm's input as sent, whichever protocol carried it (validated by <see cref="PutMetricAlarmRequests.Validate"/>).</summary>
internal sealed record PutMetricAlarmRequest(
    string? AlarmName,
    string? Namespace,
    string? MetricName,
    IReadOnlyList<(string Name, string Value)> Dimensions,
    string? Statistic,
    string? ExtendedStatistic,
    int? Period,
    int? EvaluationPeriods,
    int? DatapointsToAlarm,
    double? Threshold,
    string? ComparisonOperator,
    string? TreatMissingData,
    IReadOnlyList<string> AlarmActions,
    IReadOnlyList<string> OkActions,
    IReadOnlyList<string> InsufficientDataActions,
    bool? ActionsEnabled,
    string? AlarmDescription,
    bool HasMetricsArray);

/// <summary>Reads PutMetricAlarm from awsQuery parameters or an awsJson body and checks it as CloudWatch does.</summary>
internal static class PutMetricAlarmRequests
{
    private static readonly HashSet<int> HighResolutionPeriods = [10, 20, 30];
    private static readonly string[] Statistics = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

    public static PutMetricAlarmRequest Read(AwsCall call)
    {
        if (call.Protocol == AwsProtocol.Json)
        {
            var b = JsonReplies.ParseObject(call.Body);
            var dimensions = b.TryGetProperty("Dimensions", out var dims) && dims.ValueKind == JsonValueKind.Array
                ? dims.EnumerateArray().Select(d => (JsonReplies.String(d, "Name") ?? string.Empty, JsonReplies.String(d, "Value") ?? string.Empty)).ToList()
                : [];
            return new PutMetricAlarmRequest(
                JsonReplies.String(b, "AlarmName"), JsonReplies.String(b, "Namespace"), JsonReplies.String(b, "MetricName"), dimensions,
                JsonReplies.String(b, "Statistic"), JsonReplies.String(b, "ExtendedStatistic"), JsonReplies.Int(b, "Period"),
                JsonReplies.Int(b, "EvaluationPeriods"), JsonReplies.Int(b, "DatapointsToAlarm"), JsonDouble(b, "Threshold"),
                JsonReplies.String(b, "ComparisonOperator"), JsonReplies.String(b, "TreatMissingData"),
                JsonList(b, "AlarmActions"), JsonList(b, "OKActions"), JsonList(b, "InsufficientDataActions"),
                b.TryGetProperty("ActionsEnabled", out var enabled) && enabled.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? enabled.GetBoolean()
                    : null,
                JsonReplies.String(b, "AlarmDescription"),
                b.TryGetProperty("Metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Array && metrics.GetArrayLength() > 0);
        }

        var p = call.Parameters;
        return new PutMetricAlarmRequest(
            p.GetValueOrDefault("AlarmName"), p.GetValueOrDefault("Namespace"), p.GetValueOrDefault("MetricName"),
            QueryParameters.Structures(p, "Dimensions.member")
                .Select(d => (d.GetValueOrDefault("Name") ?? string.Empty, d.GetValueOrDefault("Value") ?? string.Empty)).ToList(),
            p.GetValueOrDefault("Statistic"), p.GetValueOrDefault("ExtendedStatistic"), QueryParameters.Int(p, "Period"),
            QueryParameters.Int(p, "EvaluationPeriods"), QueryParameters.Int(p, "DatapointsToAlarm"), QueryDouble(p, "Threshold"),
            p.GetValueOrDefault("ComparisonOperator"), p.GetValueOrDefault("TreatMissingData"),
            QueryParameters.List(p, "AlarmActions.member"), QueryParameters.List(p, "OKActions.member"),
            QueryParameters.List(p, "InsufficientDataActions.member"), QueryParameters.Bool(p, "ActionsEnabled"),
            p.GetValueOrDefault("AlarmDescription"), p.Keys.Any(k => k.StartsWith("Metrics.member.", StringComparison.Ordinal)));
    }

    /// <summary>The alarm the request defines in <paramref name="region"/>, or the error CloudWatch answers.</summary>
    public static AlarmDefinition Validate(PutMetricAlarmRequest r, string region, DateTimeOffset now)
    {
        var name = Required(r.AlarmName, "AlarmName");
        if (name.Length > 255)
        {
            throw Invalid("alarmName", name, "Member must have length less than or equal to 255");
        }

        if (r.HasMetricsArray)
        {
            throw new LabError("InvalidParameterValue", "Metrics: the lab serves alarms on a single metric (Namespace, MetricName); metric math is not modelled.");
        }

        var ns = Required(r.Namespace, "Namespace");
        var metric = Required(r.MetricName, "MetricName");
        if (r.Dimensions.Count > 30 || r.Dimensions.Any(d => d.Name.Length == 0 || d.Value.Length == 0))
        {
            throw new LabError("InvalidParameterValue", "Dimensions: at most 30, each with a non-empty Name and Value.");
        }

        if ((r.Statistic is null) == (r.ExtendedStatistic is null))
        {
            throw new LabError("InvalidParameterCombination", "Exactly one of Statistic and ExtendedStatistic must be specified.");
        }

        if (r.Statistic is { } stat && !Statistics.Contains(stat, StringComparer.Ordinal))
        {
            throw Invalid("statistic", stat, "Member must satisfy enum value set: [SampleCount, Average, Sum, Minimum, Maximum]");
        }

        if (r.ExtendedStatistic is { } extended && (!extended.StartsWith('p') || !MetricStore.IsKnownStatistic(extended)))
        {
            throw new LabError("InvalidParameterValue", $"The value {extended} for parameter ExtendedStatistic is not supported.");
        }

        var period = r.Period ?? throw new LabError("MissingParameter", "The parameter Period is required.");
        if (period <= 0 || (period % 60 != 0 && !HighResolutionPeriods.Contains(period)))
        {
            throw new LabError("InvalidParameterValue", $"The parameter Period must be 10, 20, 30 or a multiple of 60, not {period}.");
        }

        var evaluationPeriods = r.EvaluationPeriods ?? throw new LabError("MissingParameter", "The parameter EvaluationPeriods is required.");
        if (evaluationPeriods < 1)
        {
            throw Invalid("evaluationPeriods", evaluationPeriods.ToString(CultureInfo.InvariantCulture), "Member must have value greater than or equal to 1");
        }

        if ((long)period * evaluationPeriods > 86_400)
        {
            throw new LabError("ValidationError", "The evaluation period of the alarm (Period × EvaluationPeriods) must not exceed one day (86400 seconds).");
        }

        var datapoints = r.DatapointsToAlarm ?? evaluationPeriods;
        if (datapoints < 1 || datapoints > evaluationPeriods)
        {
            throw new LabError("ValidationError", "DatapointsToAlarm must be between 1 and EvaluationPeriods.");
        }

        var threshold = r.Threshold ?? throw new LabError("ValidationError", "Threshold is required for a static-threshold alarm.");
        var comparison = Required(r.ComparisonOperator, "ComparisonOperator");
        if (!AlarmDefinition.ComparisonOperators.Contains(comparison, StringComparer.Ordinal))
        {
            throw Invalid("comparisonOperator", comparison,
                $"Member must satisfy enum value set: [{string.Join(", ", AlarmDefinition.ComparisonOperators)}]");
        }

        var missing = r.TreatMissingData ?? "missing";
        if (!AlarmDefinition.MissingDataTreatments.Contains(missing, StringComparer.Ordinal))
        {
            throw new LabError("ValidationError", $"TreatMissingData must be one of {string.Join(", ", AlarmDefinition.MissingDataTreatments)}, not '{missing}'.");
        }

        foreach (var action in r.AlarmActions.Concat(r.OkActions).Concat(r.InsufficientDataActions))
        {
            if (!action.StartsWith("arn:", StringComparison.Ordinal))
            {
                throw new LabError("ValidationError", $"Invalid action ARN: {action}");
            }
        }

        if (r.AlarmActions.Count > 5 || r.OkActions.Count > 5 || r.InsufficientDataActions.Count > 5)
        {
            throw new LabError("ValidationError", "An alarm can have at most 5 actions per state.");
        }

        if (r.AlarmDescription is { Length: > 1024 })
        {
            throw Invalid("alarmDescription", r.AlarmDescription[..16] + "…", "Member must have length less than or equal to 1024");
        }

        return new AlarmDefinition(name, region, ns, metric, r.Dimensions, r.Statistic ?? r.ExtendedStatistic!, period, evaluationPeriods,
            datapoints, threshold, comparison, missing, r.AlarmActions, r.OkActions, r.InsufficientDataActions, r.ActionsEnabled ?? true,
            r.AlarmDescription, now);
    }

    private static string Required(string? value, string name) =>
        value is { Length: > 0 } ? value : throw new LabError("MissingParameter", $"The parameter {name} is required.");

    private static LabError Invalid(string member, string value, string constraint) => new("ValidationError",
        $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    private static double? JsonDouble(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static double? QueryDouble(IReadOnlyDictionary<string, string> p, string name)
    {
        if (!p.TryGetValue(name, out var text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new LabError("InvalidParameterValue", $"Value '{text}' for parameter {name} is not a number.");
    }

    private static List<string> JsonList(JsonElement body, string name) =>
        body.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
            : [];
}
