using System.Globalization;
using System.Text.Json;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>One MetricDataQuery of GetMetricData.</summary>
internal sealed record MetricQuery(
    string? Id,
    string? Label,
    bool ReturnData,
    string? Namespace,
    string? MetricName,
    IReadOnlyList<(string Name, string Value)> Dimensions,
    int? Period,
    string? Stat,
    string? Expression,
    bool HasMetricStat);

/// <summary>GetMetricData's input, whichever protocol carried it.</summary>
internal sealed record MetricDataRequest(
    IReadOnlyList<MetricQuery> Queries, DateTimeOffset? Start, DateTimeOffset? End, string? ScanBy, int? MaxDatapoints);

/// <summary>DescribeAlarms's input, whichever protocol carried it.</summary>
internal sealed record AlarmsRequest(
    IReadOnlyList<string> Names, string? Prefix, string? State, IReadOnlyList<string> Types, int? MaxRecords, string? NextToken);

/// <summary>Reads CloudWatch requests from awsQuery parameters or awsJson bodies into one shape.</summary>
internal static class CloudWatchRequests
{
    public static MetricDataRequest MetricData(AwsCall call)
    {
        if (call.Protocol == AwsProtocol.Json)
        {
            var body = JsonReplies.ParseObject(call.Body);
            var queries = body.TryGetProperty("MetricDataQueries", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(JsonQuery).ToList()
                : [];
            return new MetricDataRequest(queries, JsonReplies.Timestamp(body, "StartTime"), JsonReplies.Timestamp(body, "EndTime"),
                JsonReplies.String(body, "ScanBy"), JsonReplies.Int(body, "MaxDatapoints"));
        }

        var p = call.Parameters;
        var parsed = QueryParameters.Structures(p, "MetricDataQueries.member").Select(QueryQuery).ToList();
        return new MetricDataRequest(parsed, QueryTimestamp(p, "StartTime"), QueryTimestamp(p, "EndTime"),
            p.GetValueOrDefault("ScanBy"), QueryParameters.Int(p, "MaxDatapoints"));
    }

    public static AlarmsRequest Alarms(AwsCall call)
    {
        if (call.Protocol == AwsProtocol.Json)
        {
            var body = JsonReplies.ParseObject(call.Body);
            return new AlarmsRequest(StringList(body, "AlarmNames"), JsonReplies.String(body, "AlarmNamePrefix"),
                JsonReplies.String(body, "StateValue"), StringList(body, "AlarmTypes"), JsonReplies.Int(body, "MaxRecords"),
                JsonReplies.String(body, "NextToken"));
        }

        var p = call.Parameters;
        return new AlarmsRequest(QueryParameters.List(p, "AlarmNames.member"), p.GetValueOrDefault("AlarmNamePrefix"),
            p.GetValueOrDefault("StateValue"), QueryParameters.List(p, "AlarmTypes.member"),
            QueryParameters.Int(p, "MaxRecords"), p.GetValueOrDefault("NextToken"));
    }

    private static MetricQuery QueryQuery(IReadOnlyDictionary<string, string> q)
    {
        var dimensions = QueryParameters.Structures(q, "MetricStat.Metric.Dimensions.member")
            .Select(d => (d.GetValueOrDefault("Name") ?? string.Empty, d.GetValueOrDefault("Value") ?? string.Empty))
            .ToList();
        return new MetricQuery(
            q.GetValueOrDefault("Id"),
            q.GetValueOrDefault("Label"),
            QueryParameters.Bool(q, "ReturnData") ?? true,
            q.GetValueOrDefault("MetricStat.Metric.Namespace"),
            q.GetValueOrDefault("MetricStat.Metric.MetricName"),
            dimensions,
            QueryParameters.Int(q, "MetricStat.Period"),
            q.GetValueOrDefault("MetricStat.Stat"),
            q.GetValueOrDefault("Expression"),
            q.Keys.Any(k => k.StartsWith("MetricStat.", StringComparison.Ordinal)));
    }

    private static MetricQuery JsonQuery(JsonElement q)
    {
        var hasStat = q.TryGetProperty("MetricStat", out var stat) && stat.ValueKind == JsonValueKind.Object;
        JsonElement metric = default;
        var hasMetric = hasStat && stat.TryGetProperty("Metric", out metric) && metric.ValueKind == JsonValueKind.Object;
        var dimensions = hasMetric && metric.TryGetProperty("Dimensions", out var dims) && dims.ValueKind == JsonValueKind.Array
            ? dims.EnumerateArray()
                .Select(d => (JsonReplies.String(d, "Name") ?? string.Empty, JsonReplies.String(d, "Value") ?? string.Empty))
                .ToList()
            : [];
        var returnData = !q.TryGetProperty("ReturnData", out var rd) || rd.ValueKind != JsonValueKind.False;
        return new MetricQuery(
            JsonReplies.String(q, "Id"),
            JsonReplies.String(q, "Label"),
            returnData,
            hasMetric ? JsonReplies.String(metric, "Namespace") : null,
            hasMetric ? JsonReplies.String(metric, "MetricName") : null,
            dimensions,
            hasStat ? JsonReplies.Int(stat, "Period") : null,
            hasStat ? JsonReplies.String(stat, "Stat") : null,
            JsonReplies.String(q, "Expression"),
            hasStat);
    }

    private static List<string> StringList(JsonElement body, string name) =>
        body.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
            : [];

    private static DateTimeOffset? QueryTimestamp(IReadOnlyDictionary<string, string> p, string name)
    {
        if (!p.TryGetValue(name, out var text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(epoch * 1000));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw new LabError("InvalidParameterValue", $"The parameter {name} is not a valid timestamp: '{text}'.");
    }
}
