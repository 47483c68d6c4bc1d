using System.Text.RegularExpressions;
using DrLambdas.Aws.Protocols;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.CloudWatch;

/// <summary>CloudWatch over awsQuery (API version 2010-08-01).</summary>
internal sealed partial class CloudWatchClient(AwsServiceTransport transport) : ICloudWatchClient
{
    private const string ApiVersion = "2010-08-01";
    private const int MaxAlarmNamesPerCall = 100;
    private const int MaxDatumsPerCall = 1000;
    private const int MaxDimensions = 30;
    private readonly AwsQueryProtocol _query = new(transport, ApiVersion);

    public async Task<IReadOnlyList<MetricDataResult>> GetMetricDataAsync(
        GetMetricDataRequest request, string? region = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var merged = new List<MetricDataResult>();
        string? nextToken = null;
        do
        {
            var parameters = CloudWatchQueryWriter.GetMetricData(request, nextToken);
            (nextToken, var page) = await _query.InvokeAsync(
                "GetMetricData", parameters, region,
                result => (result.Text("NextToken"), result.Items("MetricDataResults").Select(CloudWatchXmlReader.MetricDataResult).ToList()),
                cancellationToken);
            foreach (var result in page)
            {
                var index = merged.FindIndex(r => r.Id == result.Id);
                if (index < 0)
                {
                    merged.Add(result);
                }
                else
                {
                    merged[index] = merged[index] with { Points = [.. merged[index].Points, .. result.Points], StatusCode = result.StatusCode };
                }
            }
        }
        while (!string.IsNullOrEmpty(nextToken));

        return merged;
    }

    public async Task<IReadOnlyList<CloudWatchAlarm>> DescribeAlarmsAsync(
        IReadOnlyCollection<string> alarmNames, string? region = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alarmNames);
        if (alarmNames.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Alarm names must not be blank.", nameof(alarmNames));
        }

        var alarms = new List<CloudWatchAlarm>();
        foreach (var chunk in alarmNames.Distinct(StringComparer.Ordinal).Chunk(MaxAlarmNamesPerCall))
        {
            string? nextToken = null;
            do
            {
                var parameters = new AwsQueryParameters()
                    .AddList("AlarmNames", "member", chunk)
                    .AddList("AlarmTypes", "member", ["CompositeAlarm", "MetricAlarm"])
                    .Add("NextToken", nextToken);
                (nextToken, var page) = await _query.InvokeAsync(
                    "DescribeAlarms", parameters, region,
                    result => (result.Text("NextToken"), CloudWatchXmlReader.Alarms(result)),
                    cancellationToken);
                alarms.AddRange(page);
            }
            while (!string.IsNullOrEmpty(nextToken));
        }

        return alarms;
    }

    public Task PutMetricDataAsync(
        string metricNamespace, IReadOnlyList<MetricDatum> data, string? region = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricNamespace);
        ArgumentNullException.ThrowIfNull(data);
        if (metricNamespace.StartsWith("AWS/", StringComparison.Ordinal))
        {
            throw new ArgumentException("Namespaces starting with 'AWS/' are reserved for AWS services.", nameof(metricNamespace));
        }

        if (data.Count is 0 or > MaxDatumsPerCall)
        {
            throw new ArgumentException($"PutMetricData takes 1-{MaxDatumsPerCall} datapoints.", nameof(data));
        }

        foreach (var datum in data)
        {
            if (datum is null || string.IsNullOrWhiteSpace(datum.MetricName) || datum.Dimensions is null || datum.Dimensions.Count > MaxDimensions
                || datum.StorageResolution is not (1 or 60) || !double.IsFinite(datum.Value))
            {
                throw new ArgumentException(
                    $"Datapoint '{datum?.MetricName}' needs a metric name, at most {MaxDimensions} dimensions, a finite value and StorageResolution 1 or 60.",
                    nameof(data));
            }
        }

        return _query.InvokeAsync("PutMetricData", CloudWatchQueryWriter.PutMetricData(metricNamespace, data), region, _ => true, cancellationToken);
    }

    private static void Validate(GetMetricDataRequest request)
    {
        if (request.Queries is null || request.Queries.Count is 0 or > 500)
        {
            throw new ArgumentException("GetMetricData needs 1-500 queries.", nameof(request));
        }

        if (request.EndTime <= request.StartTime)
        {
            throw new ArgumentException("EndTime must be after StartTime.", nameof(request));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in request.Queries)
        {
            if (query is null || !QueryIdPattern().IsMatch(query.Id ?? string.Empty) || !ids.Add(query.Id!))
            {
                throw new ArgumentException(
                    $"Query id '{query?.Id}' must be unique, start with a lower-case letter and contain only letters, digits and '_'.",
                    nameof(request));
            }

            if ((query.MetricStat is null) == (query.Expression is null))
            {
                throw new ArgumentException($"Query '{query.Id}' needs exactly one of MetricStat and Expression.", nameof(request));
            }

            if (query.MetricStat is { } stat && (stat.PeriodSeconds < 1 || string.IsNullOrWhiteSpace(stat.Stat)
                || string.IsNullOrWhiteSpace(stat.Metric?.Namespace) || string.IsNullOrWhiteSpace(stat.Metric.MetricName)))
            {
                throw new ArgumentException($"Query '{query.Id}' needs a metric namespace and name, a positive period and a statistic.", nameof(request));
            }
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex QueryIdPattern();
}
