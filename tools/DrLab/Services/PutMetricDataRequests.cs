using System.Globalization;
using System.Text.Json;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>One MetricData member of PutMetricData, as sent.</summary>
internal sealed record MetricDatumRequest(
    string? MetricName,
    IReadOnlyList<(string Name, string Value)> Dimensions,
    double? Value,
    DateTimeOffset? Timestamp,
    int? StorageResolution,
    bool HasValuesOrStatistics);

/// <summary>A validated datapoint: its series, its timestamp as sent, its value and storage resolution (1 or 60 model seconds).</summary>
internal sealed record MetricDatumToStore(MetricKey Key, DateTimeOffset Timestamp, double Value, int StorageResolution);

/// <summary>Reads PutMetricData from awsQuery parameters or an awsJson body and checks it as CloudWatch does.</summary>
internal static class PutMetricDataRequests
{
    private const int MaxData = 1000;
    private const int MaxDimensions = 30;
    private static readonly TimeSpan MaxPast = TimeSpan.FromDays(14);
    private static readonly TimeSpan MaxFuture = TimeSpan.FromHours(2);

    public static (string? Namespace, IReadOnlyList<MetricDatumRequest> Data) Read(AwsCall call)
    {
        if (call.Protocol == AwsProtocol.Json)
        {
            var body = JsonReplies.ParseObject(call.Body);
            var data = body.TryGetProperty("MetricData", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(JsonDatum).ToList()
                : [];
            return (JsonReplies.String(body, "Namespace"), data);
        }

        var p = call.Parameters;
        return (p.GetValueOrDefault("Namespace"), QueryParameters.Structures(p, "MetricData.member").Select(QueryDatum).ToList());
    }

    /// <summary>The datapoints to store in <paramref name="region"/>, or the error CloudWatch answers (nothing is stored then).</summary>
    public static IReadOnlyList<MetricDatumToStore> Validate(string? ns, IReadOnlyList<MetricDatumRequest> data, string region, DateTimeOffset now)
    {
        if (ns is not { Length: > 0 })
        {
            throw new LabError("MissingParameter", "The parameter Namespace is required.");
        }

        if (ns.StartsWith("AWS/", StringComparison.Ordinal) || ns.Length > 255)
        {
            throw new LabError("InvalidParameterValue", $"The value {ns} for parameter Namespace is invalid.");
        }

        if (data.Count == 0)
        {
            throw new LabError("MissingParameter", "The parameter MetricData is required.");
        }

        if (data.Count > MaxData)
        {
            throw new LabError("InvalidParameterValue", $"The collection MetricData must not have a size greater than {MaxData}.");
        }

        var stored = new List<MetricDatumToStore>();
        for (var i = 0; i < data.Count; i++)
        {
            var d = data[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"MetricData.member.{i + 1}");
            if (d.MetricName is not { Length: > 0 })
            {
                throw new LabError("MissingParameter", $"The parameter {at}.MetricName is required.");
            }

            if (d.HasValuesOrStatistics)
            {
                throw new LabError("InvalidParameterValue", $"{at}: the lab stores single Values only; Values/Counts and StatisticValues are not modelled.");
            }

            if (d.Value is not { } value || !double.IsFinite(value))
            {
                throw new LabError("InvalidParameterCombination", $"The parameters {at}.Value or {at}.StatisticValues is required.");
            }

            if (d.Dimensions.Count > MaxDimensions || d.Dimensions.Any(dim => dim.Name.Length == 0 || dim.Value.Length == 0))
            {
                throw new LabError("InvalidParameterValue", $"{at}.Dimensions: at most {MaxDimensions}, each with a non-empty Name and Value.");
            }

            var resolution = d.StorageResolution ?? 60;
            if (resolution is not (1 or 60))
            {
                throw new LabError("InvalidParameterValue", $"The value {resolution} for parameter {at}.StorageResolution is invalid: use 1 or 60.");
            }

            var timestamp = d.Timestamp ?? now;
            if (timestamp < now - MaxPast || timestamp > now + MaxFuture)
            {
                throw new LabError("InvalidParameterValue",
                    $"The parameter {at}.Timestamp must specify a time no more than two weeks in the past and no more than two hours in the future.");
            }

            stored.Add(new MetricDatumToStore(MetricKey.Of(region, ns, d.MetricName, d.Dimensions), timestamp, value, resolution));
        }

        return stored;
    }

    private static MetricDatumRequest QueryDatum(IReadOnlyDictionary<string, string> q)
    {
        var dimensions = QueryParameters.Structures(q, "Dimensions.member")
            .Select(d => (d.GetValueOrDefault("Name") ?? string.Empty, d.GetValueOrDefault("Value") ?? string.Empty))
            .ToList();
        return new MetricDatumRequest(
            q.GetValueOrDefault("MetricName"),
            dimensions,
            Number(q, "Value"),
            Time(q.GetValueOrDefault("Timestamp")),
            QueryParameters.Int(q, "StorageResolution"),
            q.Keys.Any(k => k.StartsWith("Values.", StringComparison.Ordinal) || k.StartsWith("StatisticValues.", StringComparison.Ordinal)));
    }

    private static MetricDatumRequest JsonDatum(JsonElement d)
    {
        var dimensions = d.TryGetProperty("Dimensions", out var dims) && dims.ValueKind == JsonValueKind.Array
            ? dims.EnumerateArray().Select(x => (JsonReplies.String(x, "Name") ?? string.Empty, JsonReplies.String(x, "Value") ?? string.Empty)).ToList()
            : [];
        return new MetricDatumRequest(
            JsonReplies.String(d, "MetricName"),
            dimensions,
            d.TryGetProperty("Value", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null,
            JsonReplies.Timestamp(d, "Timestamp"),
            JsonReplies.Int(d, "StorageResolution"),
            d.TryGetProperty("Values", out _) || d.TryGetProperty("StatisticValues", out _));
    }

    private static double? Number(IReadOnlyDictionary<string, string> q, string name) =>
        q.TryGetValue(name, out var text)
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new LabError("InvalidParameterValue", $"Value '{text}' for parameter {name} is not a number.")
            : null;

    private static DateTimeOffset? Time(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(epoch * 1000));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw new LabError("InvalidParameterValue", $"The parameter Timestamp is not a valid timestamp: '{text}'.");
    }
}
