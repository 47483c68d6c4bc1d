using DrLambdas.Runtime.Logging;

namespace DrLambdas.Runtime.Metrics;

/// <summary>
/// Publishes CloudWatch metrics as Embedded Metric Format records: one JSON line on stdout per call,
/// which CloudWatch Logs turns into metrics with no API call from the function.
/// </summary>
public interface IMetricsWriter
{
    /// <summary>
    /// Writes one EMF record holding <paramref name="metrics"/> under one dimension set (the writer's
    /// default dimensions, such as FunctionName, plus <paramref name="dimensions"/>) and
    /// <paramref name="properties"/> as searchable, non-metric fields.
    /// </summary>
    /// <exception cref="ArgumentException">A name is empty or used twice, a value is not finite, or there are no metrics.</exception>
    void Write(ReadOnlySpan<Metric> metrics, ReadOnlySpan<MetricDimension> dimensions, ReadOnlySpan<LogField> properties);
}
