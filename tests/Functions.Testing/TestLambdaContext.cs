using System.Text;
using System.Text.Json;
using DrLambdas.Runtime;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;

namespace DrLambdas.Functions.Testing;

/// <summary>
/// A Lambda context whose logger and EMF writer are the runtime's real ones, writing into memory so tests can
/// read back every log line and metric record.
/// </summary>
public sealed class TestLambdaContext : ILambdaContext, IDisposable
{
    /// <summary>The X-Ray header every invocation of this context carries.</summary>
    public const string TraceHeaderValue = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";

    private readonly MemoryStream _output = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>A context on <paramref name="timeProvider"/> whose deadline is <paramref name="remaining"/> (30 s by default) away.</summary>
    public TestLambdaContext(TimeProvider timeProvider, TimeSpan? remaining = null)
    {
        _timeProvider = timeProvider;
        var sink = new JsonLineSink(_output);
        Logger = new JsonLineLogger(sink, timeProvider, LambdaLogLevel.Debug).ForInvocation(RequestId, TraceHeaderValue);
        Metrics = new EmfMetricsWriter(sink, timeProvider, "DrLambdas", new MetricDimension("FunctionName", FunctionName))
            .ForInvocation(RequestId, TraceHeaderValue);
        Deadline = timeProvider.GetUtcNow() + (remaining ?? TimeSpan.FromSeconds(30));
    }

    /// <inheritdoc />
    public string RequestId => "8476a536-e9f4-11e8-9739-2dfe598c3fcd";

    /// <inheritdoc />
    public string InvokedFunctionArn => "arn:aws:lambda:ap-northeast-1:111122223333:function:drlambdas-test";

    /// <inheritdoc />
    public string? TraceId => TraceHeaderValue;

    /// <inheritdoc />
    public string FunctionName => "drlambdas-test";

    /// <inheritdoc />
    public string FunctionVersion => "$LATEST";

    /// <inheritdoc />
    public int MemoryLimitInMB => 128;

    /// <inheritdoc />
    public string? ClientContext => null;

    /// <inheritdoc />
    public string? CognitoIdentity => null;

    /// <inheritdoc />
    public DateTimeOffset Deadline { get; }

    /// <inheritdoc />
    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - _timeProvider.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <inheritdoc />
    public TimeProvider TimeProvider => _timeProvider;

    /// <inheritdoc />
    public ILambdaLogger Logger { get; }

    /// <inheritdoc />
    public IMetricsWriter Metrics { get; }

    /// <summary>Every line written so far, parsed.</summary>
    public IReadOnlyList<JsonElement> Lines => Encoding.UTF8.GetString(_output.ToArray())
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => JsonDocument.Parse(line).RootElement.Clone())
        .ToList();

    /// <summary>The log records (lines that are not EMF).</summary>
    public IReadOnlyList<JsonElement> LogRecords => Lines.Where(line => !line.TryGetProperty("_aws", out _)).ToList();

    /// <summary>The EMF records.</summary>
    public IReadOnlyList<JsonElement> MetricRecords => Lines.Where(line => line.TryGetProperty("_aws", out _)).ToList();

    /// <summary>The EMF records holding metric <paramref name="name"/>.</summary>
    public IReadOnlyList<JsonElement> Metric(string name) =>
        MetricRecords.Where(record => record.TryGetProperty(name, out _)).ToList();

    /// <inheritdoc />
    public void Dispose() => _output.Dispose();
}
