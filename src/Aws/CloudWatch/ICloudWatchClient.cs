namespace DrLambdas.Aws.CloudWatch;

/// <summary>The CloudWatch calls the validator makes: Aurora replication lag and probe metrics, the trigger alarms, and publishing its probes.</summary>
public interface ICloudWatchClient
{
    /// <summary>Runs metric queries over a time range; results of every page are merged per query id.</summary>
    Task<IReadOnlyList<MetricDataResult>> GetMetricDataAsync(
        GetMetricDataRequest request, string? region = null, CancellationToken cancellationToken = default);

    /// <summary>Describes the named metric and composite alarms (all pages); unknown names are simply absent.</summary>
    Task<IReadOnlyList<CloudWatchAlarm>> DescribeAlarmsAsync(
        IReadOnlyCollection<string> alarmNames, string? region = null, CancellationToken cancellationToken = default);

    /// <summary>Publishes 1-1000 datapoints into a custom namespace (never <c>AWS/</c>); returns when CloudWatch accepted them.</summary>
    Task PutMetricDataAsync(
        string metricNamespace, IReadOnlyList<MetricDatum> data, string? region = null, CancellationToken cancellationToken = default);
}
