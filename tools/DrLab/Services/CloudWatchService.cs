using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// CloudWatch: GetMetricData over the lab's published metrics once ingested (Aurora global database lag in each
/// secondary Region, Route 53 HealthCheckStatus in us-east-1), PutMetricAlarm and DescribeAlarms over the alarms
/// deployed in the called Region. Serves awsQuery (what the project's clients send) and awsJson1_0 (what botocore sends).
/// </summary>
internal sealed partial class CloudWatchService : IAwsService
{
    private static readonly HashSet<int> HighResolutionPeriods = [1, 5, 10, 20, 30];

    public string SigningName => "monitoring";

    public bool IsGlobal => false;

    public IReadOnlyCollection<string> AdditionalRegions { get; } = [WorldState.Route53MetricsRegion];

    public IReadOnlyCollection<AwsProtocol> Protocols { get; } = [AwsProtocol.Query, AwsProtocol.Json];

    public string? JsonTargetPrefix => "GraniteServiceVersion20100801";

    public string? RestOperation(string method, string path) => null;

    public AwsReply Handle(AwsCall call, WorldState world) => call.Operation switch
    {
        "GetMetricData" => GetMetricData(call, world),
        "DescribeAlarms" => DescribeAlarms(call, world),
        "PutMetricAlarm" => PutMetricAlarm(call, world),
        "PutMetricData" => PutMetricData(call, world),
        "PutCompositeAlarm" => PutCompositeAlarm(call, world),
        _ => throw AwsErrors.UnknownOperation(call.Protocol, call.Operation),
    };

    private static AwsReply GetMetricData(AwsCall call, WorldState world)
    {
        var request = CloudWatchRequests.MetricData(call);
        var start = request.Start ?? throw Missing("StartTime");
        var end = request.End ?? throw Missing("EndTime");
        if (start >= end)
        {
            throw new LabError("ValidationError", "The parameter StartTime must be less than the parameter EndTime.");
        }

        if (request.Queries.Count == 0)
        {
            throw Missing("MetricDataQueries");
        }

        var ascending = request.ScanBy switch
        {
            null or "TimestampDescending" => false,
            "TimestampAscending" => true,
            _ => throw new LabError("ValidationError",
                $"1 validation error detected: Value '{request.ScanBy}' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [TimestampDescending, TimestampAscending]"),
        };
        var maxDatapoints = request.MaxDatapoints ?? 100_800;
        var results = new List<(MetricQuery Query, IReadOnlyList<Datapoint> Points)>();
        for (var i = 0; i < request.Queries.Count; i++)
        {
            var query = request.Queries[i];
            var key = Validate(query, i + 1, call.Region);
            var points = world.Metrics.Query(key, start, end, query.Period!.Value, query.Stat!, ascending, world.Now);
            if (query.ReturnData)
            {
                results.Add((query, points.Take(maxDatapoints).ToList()));
            }
        }

        var detail = string.Join(' ', results.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Query.MetricName}={(r.Points.Count > 0 ? r.Points[0].Value.ToString("0.###", CultureInfo.InvariantCulture) : "none")}")));
        var reply = call.Protocol == AwsProtocol.Json
            ? JsonReplies.Write(call, w => WriteMetricDataJson(w, results))
            : QueryReplies.Envelope("monitoring", call, xml => WriteMetricDataXml(xml, results));
        return reply with { LogDetail = detail };
    }

    private static MetricKey Validate(MetricQuery query, int index, string region)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"MetricDataQueries.member.{index}");
        if (query.Id is null || !IdPattern().IsMatch(query.Id))
        {
            throw new LabError("ValidationError",
                $"The value {query.Id ?? "null"} for parameter {at}.Id is not valid: it must start with a lower-case letter and contain only letters, digits and underscores.");
        }

        if (query.Expression is not null && query.HasMetricStat)
        {
            throw new LabError("InvalidParameterCombination", $"Exactly one of {at}.MetricStat and {at}.Expression must be specified.");
        }

        if (query.Expression is not null)
        {
            throw new LabError("InvalidParameterValue",
                $"{at}.Expression: the lab serves MetricStat queries only; metric math is not modelled.");
        }

        if (!query.HasMetricStat || query.Namespace is null || query.MetricName is null)
        {
            throw new LabError("MissingParameter", $"The parameters {at}.MetricStat.Metric.Namespace and MetricName are required.");
        }

        if (query.Period is not { } period || period <= 0 || (period % 60 != 0 && !HighResolutionPeriods.Contains(period)))
        {
            throw new LabError("InvalidParameterValue",
                $"The parameter {at}.MetricStat.Period must be 1, 5, 10, 20, 30 or a multiple of 60.");
        }

        if (query.Stat is null || !MetricStore.IsKnownStatistic(query.Stat))
        {
            throw new LabError("InvalidParameterValue", $"The value {query.Stat ?? "null"} for parameter {at}.MetricStat.Stat is not a valid statistic.");
        }

        return MetricKey.Of(region, query.Namespace, query.MetricName, query.Dimensions);
    }

    private static void WriteMetricDataXml(XmlOut xml, IEnumerable<(MetricQuery Query, IReadOnlyList<Datapoint> Points)> results)
    {
        xml.Start("MetricDataResults");
        foreach (var (query, points) in results)
        {
            xml.Start("member").Element("Id", query.Id).Element("Label", query.Label ?? query.MetricName);
            xml.Start("Timestamps");
            foreach (var point in points)
            {
                xml.Element("member", point.Timestamp);
            }

            xml.End().Start("Values");
            foreach (var point in points)
            {
                xml.Element("member", point.Value);
            }

            xml.End().Element("StatusCode", "Complete").Start("Messages").End().End();
        }

        xml.End().Start("Messages").End();
    }

    private static void WriteMetricDataJson(Utf8JsonWriter w, IEnumerable<(MetricQuery Query, IReadOnlyList<Datapoint> Points)> results)
    {
        w.WriteStartArray("MetricDataResults");
        foreach (var (query, points) in results)
        {
            w.WriteStartObject();
            w.WriteString("Id", query.Id);
            w.WriteString("Label", query.Label ?? query.MetricName);
            w.WriteStartArray("Timestamps");
            foreach (var point in points)
            {
                w.WriteNumberValue(point.Timestamp.ToUnixTimeSeconds());
            }

            w.WriteEndArray();
            w.WriteStartArray("Values");
            foreach (var point in points)
            {
                w.WriteNumberValue(point.Value);
            }

            w.WriteEndArray();
            w.WriteString("StatusCode", "Complete");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("Messages");
        w.WriteEndArray();
    }

    private static AwsReply DescribeAlarms(AwsCall call, WorldState world)
    {
        var request = CloudWatchRequests.Alarms(call);
        if (request.Names.Count > 0 && request.Prefix is not null)
        {
            throw new LabError("InvalidParameterCombination", "AlarmNames and AlarmNamePrefix cannot be specified together.");
        }

        if (request.Names.Count > 100)
        {
            throw new LabError("ValidationError", "The parameter AlarmNames must contain at most 100 names.");
        }

        if (request.State is not null && request.State is not ("OK" or "ALARM" or "INSUFFICIENT_DATA"))
        {
            throw new LabError("ValidationError",
                $"1 validation error detected: Value '{request.State}' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
        }

        if (request.MaxRecords is { } max && (max < 1 || max > 100))
        {
            throw new LabError("ValidationError", "The parameter MaxRecords must be between 1 and 100.");
        }

        if (request.NextToken is not null)
        {
            throw new LabError("InvalidNextToken", "The service couldn't process the token: the lab's alarms fit on one page.");
        }

        var wantMetricAlarms = request.Types.Count == 0 || request.Types.Contains("MetricAlarm", StringComparer.Ordinal);
        var alarms = wantMetricAlarms
            ? Matching(world.Alarms.InRegion(call.Region), a => a.Definition.Name, a => a.Value, request)
            : [];
        // Without AlarmTypes CloudWatch returns metric alarms only.
        var composites = request.Types.Contains("CompositeAlarm", StringComparer.Ordinal)
            ? Matching(world.Alarms.CompositesInRegion(call.Region), a => a.Definition.Name, a => a.Value, request)
            : [];
        var reply = call.Protocol == AwsProtocol.Json
            ? JsonReplies.Write(call, w => AlarmReplies.WriteJson(w, alarms, composites))
            : QueryReplies.Envelope("monitoring", call, xml => AlarmReplies.WriteXml(xml, alarms, composites));
        return reply with
        {
            LogDetail = string.Join(' ', alarms.Select(a => a.Definition.Name + "=" + a.Value).Concat(composites.Select(a => a.Definition.Name + "=" + a.Value))),
        };
    }

    /// <summary>The alarms DescribeAlarms' names, prefix, state and MaxRecords select, by name.</summary>
    private static List<T> Matching<T>(IEnumerable<T> alarms, Func<T, string> name, Func<T, string> state, AlarmsRequest request) => alarms
        .Where(a => request.Names.Count == 0 || request.Names.Contains(name(a), StringComparer.Ordinal))
        .Where(a => request.Prefix is null || name(a).StartsWith(request.Prefix, StringComparison.Ordinal))
        .Where(a => request.State is null || string.Equals(state(a), request.State, StringComparison.Ordinal))
        .OrderBy(name, StringComparer.Ordinal)
        .Take(request.MaxRecords ?? 100)
        .ToList();

    private static AwsReply PutMetricAlarm(AwsCall call, WorldState world)
    {
        var definition = PutMetricAlarmRequests.Validate(PutMetricAlarmRequests.Read(call), call.Region, world.Now);
        var created = world.Deployment.PutAlarm(definition);
        world.Alarms.Configure(definition, world.Now);
        var reply = call.Protocol == AwsProtocol.Json
            ? JsonReplies.Write(call, _ => { })
            : QueryReplies.Envelope("monitoring", call, _ => { });
        return reply with { LogDetail = (created ? "created " : "updated ") + definition.Name };
    }

    /// <summary>Custom metrics, visible to GetMetricData and alarms once the ingestion delay has passed.</summary>
    private static AwsReply PutMetricData(AwsCall call, WorldState world)
    {
        var (ns, data) = PutMetricDataRequests.Read(call);
        var stored = PutMetricDataRequests.Validate(ns, data, call.Region, world.Now);
        foreach (var datum in stored)
        {
            world.PublishCustomMetric(datum.Key, datum.Timestamp, datum.Value, datum.StorageResolution);
        }

        var reply = call.Protocol == AwsProtocol.Json
            ? JsonReplies.Write(call, _ => { })
            : QueryReplies.Envelope("monitoring", call, _ => { });
        return reply with { LogDetail = string.Join(' ', stored.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key.Name}[{d.Key.Dimensions}]={d.Value:0.###}"))) };
    }

    private static AwsReply PutCompositeAlarm(AwsCall call, WorldState world)
    {
        var definition = CompositeAlarmRequests.Validate(CompositeAlarmRequests.Read(call), call.Region, world.Now, world.Alarms);
        var created = world.Deployment.PutCompositeAlarm(definition);
        world.Alarms.ConfigureComposite(definition, world.Now);
        var reply = call.Protocol == AwsProtocol.Json
            ? JsonReplies.Write(call, _ => { })
            : QueryReplies.Envelope("monitoring", call, _ => { });
        return reply with { LogDetail = (created ? "created " : "updated ") + definition.Name };
    }

    private static LabError Missing(string name) => new("MissingParameter", $"The parameter {name} is required.");

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]*$")]
    private static partial Regex IdPattern();
}
