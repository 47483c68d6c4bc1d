using System.Globalization;
using DrLambdas.Aws.Protocols;

namespace DrLambdas.Aws.CloudWatch;

/// <summary>Flattens CloudWatch inputs into awsQuery parameters (<c>MetricDataQueries.member.1.MetricStat.Metric.Namespace</c>...).</summary>
internal static class CloudWatchQueryWriter
{
    public static AwsQueryParameters GetMetricData(GetMetricDataRequest request, string? nextToken)
    {
        var parameters = new AwsQueryParameters();
        var index = 0;
        foreach (var query in request.Queries)
        {
            var prefix = AwsQueryParameters.ListKey("MetricDataQueries", "member", ++index);
            parameters.Add(prefix + ".Id", query.Id);
            if (query.MetricStat is { } stat)
            {
                parameters.Add(prefix + ".MetricStat.Metric.Namespace", stat.Metric.Namespace)
                    .Add(prefix + ".MetricStat.Metric.MetricName", stat.Metric.MetricName);
                var dimension = 0;
                foreach (var (name, value) in stat.Metric.Dimensions)
                {
                    var dimensionPrefix = AwsQueryParameters.ListKey(prefix + ".MetricStat.Metric.Dimensions", "member", ++dimension);
                    parameters.Add(dimensionPrefix + ".Name", name).Add(dimensionPrefix + ".Value", value);
                }

                parameters.Add(prefix + ".MetricStat.Period", stat.PeriodSeconds)
                    .Add(prefix + ".MetricStat.Stat", stat.Stat)
                    .Add(prefix + ".MetricStat.Unit", stat.Unit);
            }

            parameters.Add(prefix + ".Expression", query.Expression)
                .Add(prefix + ".Label", query.Label)
                .Add(prefix + ".ReturnData", query.ReturnData);
        }

        return parameters
            .Add("StartTime", request.StartTime)
            .Add("EndTime", request.EndTime)
            .Add("ScanBy", request.NewestFirst ? "TimestampDescending" : "TimestampAscending")
            .Add("NextToken", nextToken);
    }

    public static AwsQueryParameters PutMetricData(string metricNamespace, IReadOnlyList<MetricDatum> data)
    {
        var parameters = new AwsQueryParameters().Add("Namespace", metricNamespace);
        var index = 0;
        foreach (var datum in data)
        {
            var prefix = AwsQueryParameters.ListKey("MetricData", "member", ++index);
            parameters.Add(prefix + ".MetricName", datum.MetricName);
            var dimension = 0;
            foreach (var (name, value) in datum.Dimensions)
            {
                var dimensionPrefix = AwsQueryParameters.ListKey(prefix + ".Dimensions", "member", ++dimension);
                parameters.Add(dimensionPrefix + ".Name", name).Add(dimensionPrefix + ".Value", value);
            }

            parameters.Add(prefix + ".Timestamp", datum.Timestamp)
                .Add(prefix + ".Value", datum.Value.ToString("R", CultureInfo.InvariantCulture))
                .Add(prefix + ".StorageResolution", datum.StorageResolution)
                .Add(prefix + ".Unit", datum.Unit);
        }

        return parameters;
    }
}
