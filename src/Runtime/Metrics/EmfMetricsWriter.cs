using System.Text.Json;
using DrLambdas.Runtime.Logging;

namespace DrLambdas.Runtime.Metrics;

/// <summary>
/// Writes CloudWatch Embedded Metric Format records (one line each) to the log sink:
/// <c>{"_aws":{"Timestamp":ms,"CloudWatchMetrics":[{"Namespace","Dimensions":[[...]],"Metrics":[{"Name","Unit"}]}]},
/// dimension values, metric values, requestId, traceId, properties}</c>.
/// </summary>
public sealed class EmfMetricsWriter : IMetricsWriter
{
    /// <summary>CloudWatch accepts at most 30 dimensions per dimension set.</summary>
    public const int MaxDimensions = 30;

    /// <summary>CloudWatch accepts at most 100 metrics per EMF directive.</summary>
    public const int MaxMetrics = 100;

    private readonly JsonLineSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly string _metricNamespace;
    private readonly MetricDimension[] _defaultDimensions;
    private readonly LogField[] _contextProperties;

    /// <summary>
    /// A writer outside any invocation. <paramref name="defaultDimensions"/> are added to every record
    /// (the host adds FunctionName).
    /// </summary>
    public EmfMetricsWriter(JsonLineSink sink, TimeProvider timeProvider, string metricNamespace, params MetricDimension[] defaultDimensions)
        : this(sink, timeProvider, metricNamespace, defaultDimensions, [])
    {
    }

    private EmfMetricsWriter(
        JsonLineSink sink,
        TimeProvider timeProvider,
        string metricNamespace,
        MetricDimension[] defaultDimensions,
        LogField[] contextProperties)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(metricNamespace);
        _sink = sink;
        _timeProvider = timeProvider;
        _metricNamespace = metricNamespace;
        _defaultDimensions = defaultDimensions;
        _contextProperties = contextProperties;
    }

    /// <summary>A writer whose records also carry the invocation's requestId and X-Ray root trace id.</summary>
    public EmfMetricsWriter ForInvocation(string requestId, string? traceHeader)
    {
        LogField[] properties = TraceHeader.RootOf(traceHeader) is { } traceId
            ? [new("requestId", requestId), new("traceId", traceId)]
            : [new("requestId", requestId)];
        return new EmfMetricsWriter(_sink, _timeProvider, _metricNamespace, _defaultDimensions, properties);
    }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<Metric> metrics, ReadOnlySpan<MetricDimension> dimensions, ReadOnlySpan<LogField> properties)
    {
        var record = new EmfRecord(
            _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            _metricNamespace,
            [.. _defaultDimensions, .. dimensions],
            metrics.ToArray(),
            [.. _contextProperties, .. properties]);
        Validate(record);
        _sink.WriteObject(record, WriteRecord);
    }

    private static void Validate(EmfRecord record)
    {
        if (record.Metrics.Length is 0 or > MaxMetrics)
        {
            throw new ArgumentException($"An EMF record needs between 1 and {MaxMetrics} metrics; got {record.Metrics.Length}.", nameof(record));
        }

        if (record.Dimensions.Length > MaxDimensions)
        {
            throw new ArgumentException($"An EMF dimension set holds at most {MaxDimensions} dimensions; got {record.Dimensions.Length}.", nameof(record));
        }

        var names = new HashSet<string>(StringComparer.Ordinal) { "_aws" };
        foreach (var dimension in record.Dimensions)
        {
            RequireUniqueName(names, dimension.Name, "dimension");
            if (string.IsNullOrEmpty(dimension.Value))
            {
                throw new ArgumentException($"Dimension '{dimension.Name}' has an empty value.", nameof(record));
            }
        }

        foreach (var metric in record.Metrics)
        {
            RequireUniqueName(names, metric.Name, "metric");
            if (!double.IsFinite(metric.Value))
            {
                throw new ArgumentException($"Metric '{metric.Name}' has a non-finite value ({metric.Value}).", nameof(record));
            }
        }

        foreach (var property in record.Properties)
        {
            RequireUniqueName(names, property.Name, "property");
        }
    }

    private static void RequireUniqueName(HashSet<string> names, string name, string kind)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"An EMF {kind} has an empty name.", nameof(name));
        }

        if (!names.Add(name))
        {
            throw new ArgumentException($"The EMF {kind} name '{name}' is already used in this record.", nameof(name));
        }
    }

    private static void WriteRecord(Utf8JsonWriter writer, EmfRecord record)
    {
        writer.WriteStartObject("_aws");
        writer.WriteNumber("Timestamp", record.TimestampMs);
        writer.WriteStartArray("CloudWatchMetrics");
        writer.WriteStartObject();
        writer.WriteString("Namespace", record.Namespace);
        writer.WriteStartArray("Dimensions");
        writer.WriteStartArray();
        foreach (var dimension in record.Dimensions)
        {
            writer.WriteStringValue(dimension.Name);
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteStartArray("Metrics");
        foreach (var metric in record.Metrics)
        {
            writer.WriteStartObject();
            writer.WriteString("Name", metric.Name);
            writer.WriteString("Unit", MetricUnitNames.ToName(metric.Unit));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();

        foreach (var dimension in record.Dimensions)
        {
            writer.WriteString(dimension.Name, dimension.Value);
        }

        foreach (var metric in record.Metrics)
        {
            writer.WriteNumber(metric.Name, metric.Value);
        }

        foreach (var property in record.Properties)
        {
            JsonFieldWriter.WriteField(writer, property.Name, property.Value);
        }
    }

    private sealed record EmfRecord(
        long TimestampMs,
        string Namespace,
        MetricDimension[] Dimensions,
        Metric[] Metrics,
        LogField[] Properties);
}
