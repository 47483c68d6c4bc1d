using System.Text;
using System.Text.Json;
using DrLambdas.Runtime;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;

namespace DrLambdas.Functions.Testing;

/// <summary>
/// A Lambda context whose logger and EMF writer are the runtime's real ones, writing into memory so tests can
/// read back every log line and metric record. Linked into each function test project.
/// </summary>
internal sealed class TestLambdaContext : ILambdaContext, IDisposable
{
    public const string TraceHeaderValue = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";

    private readonly MemoryStream _output = new();
    private readonly TimeProvider _timeProvider;

    public TestLambdaContext(TimeProvider timeProvider, TimeSpan? remaining = null)
    {
        _timeProvider = timeProvider;
        var sink = new JsonLineSink(_output);
        Logger = new JsonLineLogger(sink, timeProvider, LambdaLogLevel.Debug).ForInvocation(RequestId, TraceHeaderValue);
        Metrics = new EmfMetricsWriter(sink, timeProvider, "DrLambdas", new MetricDimension("FunctionName", FunctionName))
            .ForInvocation(RequestId, TraceHeaderValue);
        Deadline = timeProvider.GetUtcNow() + (remaining ?? TimeSpan.FromSeconds(30));
    }

    public string RequestId => "8476a536-e9f4-11e8-9739-2dfe598c3fcd";

    public string InvokedFunctionArn => "arn:aws:lambda:ap-northeast-1:111122223333:function:drlambdas-test";

    public string? TraceId => TraceHeaderValue;

    public string FunctionName => "drlambdas-test";

    public string FunctionVersion => "$LATEST";

    public int MemoryLimitInMB => 128;

    public string? ClientContext => null;

    public string? CognitoIdentity => null;

    public DateTimeOffset Deadline { get; }

    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - _timeProvider.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public ILambdaLogger Logger { get; }

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

    public void Dispose() => _output.Dispose();
}
