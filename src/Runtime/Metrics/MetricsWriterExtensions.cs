namespace DrLambdas.Runtime.Metrics;

/// <summary>Shorthands for <see cref="IMetricsWriter.Write"/>.</summary>
public static class MetricsWriterExtensions
{
    /// <summary>Writes a single metric with optional extra dimensions.</summary>
    public static void Write(
        this IMetricsWriter writer,
        string name,
        double value,
        MetricUnit unit,
        params ReadOnlySpan<MetricDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write([new Metric(name, value, unit)], dimensions, []);
    }
}
