namespace DrLambdas.Aws.CloudWatch;

/// <summary>The CloudWatch reads the validator uses: Aurora replication lag metrics and the trigger alarms.</summary>
public interface ICloudWatchClient
{
    /// <summary>Runs metric queries over a time range; results of every page are merged per query id.</summary>
    Task<IReadOnlyList<MetricDataResult>> GetMetricDataAsync(
        GetMetricDataRequest request, string? region = null, CancellationToken cancellationToken = default);

    /// <summary>Describes the named metric and composite alarms (all pages); unknown names are simply absent.</summary>
    Task<IReadOnlyList<CloudWatchAlarm>> DescribeAlarmsAsync(
        IReadOnlyCollection<string> alarmNames, string? region = null, CancellationToken cancellationToken = default);
}
