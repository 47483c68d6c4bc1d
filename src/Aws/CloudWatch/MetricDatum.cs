namespace DrLambdas.Aws.CloudWatch;

/// <summary>One datapoint of <c>PutMetricData</c>.</summary>
/// <param name="MetricName">The metric name.</param>
/// <param name="Dimensions">Up to 30 dimensions.</param>
/// <param name="Value">The value.</param>
/// <param name="Timestamp">When it was observed.</param>
/// <param name="StorageResolution">1 (high resolution: alarms may use 10, 20 or 30 s periods) or 60 (standard).</param>
/// <param name="Unit">Optional unit, e.g. <c>Count</c>.</param>
public sealed record MetricDatum(
    string MetricName,
    IReadOnlyList<MetricDimension> Dimensions,
    double Value,
    DateTimeOffset Timestamp,
    int StorageResolution = 60,
    string? Unit = null);
