using System.Globalization;
using System.Text.Json;

namespace DrLambdas.Runtime.Logging;

/// <summary>
/// The <see cref="ILambdaLogger"/> of the runtime: one JSON object per line with timestamp, level,
/// message, requestId and traceId (the X-Ray root id), then the structured fields.
/// </summary>
public sealed class JsonLineLogger : ILambdaLogger
{
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        "timestamp", "level", "message", "requestId", "traceId", "errorType", "errorMessage", "stackTrace",
    };

    private readonly JsonLineSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly LambdaLogLevel _minimumLevel;
    private readonly string? _requestId;
    private readonly string? _traceId;
    private readonly LogField[] _fields;

    /// <summary>A logger outside any invocation (init phase): no requestId or traceId.</summary>
    public JsonLineLogger(JsonLineSink sink, TimeProvider timeProvider, LambdaLogLevel minimumLevel)
        : this(sink, timeProvider, minimumLevel, null, null, [])
    {
    }

    private JsonLineLogger(
        JsonLineSink sink,
        TimeProvider timeProvider,
        LambdaLogLevel minimumLevel,
        string? requestId,
        string? traceId,
        LogField[] fields)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _sink = sink;
        _timeProvider = timeProvider;
        _minimumLevel = minimumLevel;
        _requestId = requestId;
        _traceId = traceId;
        _fields = fields;
    }

    /// <summary>A logger for one invocation; <paramref name="traceHeader"/> is the X-Ray header value.</summary>
    public JsonLineLogger ForInvocation(string requestId, string? traceHeader) =>
        new(_sink, _timeProvider, _minimumLevel, requestId, TraceHeader.RootOf(traceHeader), _fields);

    /// <inheritdoc/>
    public bool IsEnabled(LambdaLogLevel level) => level >= _minimumLevel;

    /// <inheritdoc/>
    public ILambdaLogger WithFields(params ReadOnlySpan<LogField> fields) =>
        new JsonLineLogger(_sink, _timeProvider, _minimumLevel, _requestId, _traceId, [.. _fields, .. fields]);

    /// <inheritdoc/>
    public void Log(LambdaLogLevel level, string message, Exception? exception, ReadOnlySpan<LogField> fields)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        var record = new LogRecord(
            _timeProvider.GetUtcNow(),
            level,
            message,
            _requestId,
            _traceId,
            [.. _fields, .. fields],
            exception is null ? null : LambdaErrorReport.FromException(exception));
        _sink.WriteObject(record, WriteRecord);
    }

    private static void WriteRecord(Utf8JsonWriter writer, LogRecord record)
    {
        writer.WriteString("timestamp", record.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("level", LogLevelNames.ToName(record.Level));
        writer.WriteString("message", record.Message);
        if (record.RequestId is not null)
        {
            writer.WriteString("requestId", record.RequestId);
        }

        if (record.TraceId is not null)
        {
            writer.WriteString("traceId", record.TraceId);
        }

        // A per-call field overrides a logger-wide one of the same name: the last occurrence wins.
        var lastIndexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < record.Fields.Length; index++)
        {
            lastIndexByName[FieldName(record.Fields[index])] = index;
        }

        for (var index = 0; index < record.Fields.Length; index++)
        {
            var name = FieldName(record.Fields[index]);
            if (lastIndexByName[name] == index)
            {
                JsonFieldWriter.WriteField(writer, name, record.Fields[index].Value);
            }
        }

        if (record.Error is { } error)
        {
            writer.WriteString("errorType", error.ErrorType);
            writer.WriteString("errorMessage", error.ErrorMessage);
            writer.WriteStartArray("stackTrace");
            foreach (var frame in error.StackTrace)
            {
                writer.WriteStringValue(frame);
            }

            writer.WriteEndArray();
        }
    }

    private static string FieldName(LogField field) =>
        ReservedNames.Contains(field.Name) ? "field." + field.Name : field.Name;

    private sealed record LogRecord(
        DateTimeOffset Timestamp,
        LambdaLogLevel Level,
        string Message,
        string? RequestId,
        string? TraceId,
        LogField[] Fields,
        LambdaErrorReport? Error);
}
