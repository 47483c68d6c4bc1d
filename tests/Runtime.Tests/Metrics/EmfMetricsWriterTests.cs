using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Runtime.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.Runtime.Tests.Metrics;

public sealed class EmfMetricsWriterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private readonly CapturedOutput _output = new();
    private readonly EmfMetricsWriter _writer;

    public EmfMetricsWriterTests()
    {
        _writer = new EmfMetricsWriter(_output.Sink, new FakeTimeProvider(Now), "DrLambdas", new MetricDimension("FunctionName", "HealthValidator"));
    }

    public void Dispose() => _output.Dispose();

    [Fact]
    public void Write_SingleMetric_WritesEmfDirectiveAndValues()
    {
        _writer.ForInvocation("req-1", "Root=1-abc;Sampled=1")
            .Write("RtoSeconds", 42.5, MetricUnit.Seconds, new MetricDimension("Action", "Failover"));

        var record = Assert.Single(_output.Records);
        var directive = record.GetProperty("_aws");
        Assert.Equal(Now.ToUnixTimeMilliseconds(), directive.GetProperty("Timestamp").GetInt64());
        var metrics = Assert.Single(directive.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("DrLambdas", metrics.GetProperty("Namespace").GetString());
        var dimensionSet = Assert.Single(metrics.GetProperty("Dimensions").EnumerateArray());
        Assert.Equal(["FunctionName", "Action"], dimensionSet.EnumerateArray().Select(d => d.GetString()));
        var metric = Assert.Single(metrics.GetProperty("Metrics").EnumerateArray());
        Assert.Equal("RtoSeconds", metric.GetProperty("Name").GetString());
        Assert.Equal("Seconds", metric.GetProperty("Unit").GetString());
        Assert.Equal(42.5, record.GetProperty("RtoSeconds").GetDouble());
        Assert.Equal("HealthValidator", record.GetProperty("FunctionName").GetString());
        Assert.Equal("Failover", record.GetProperty("Action").GetString());
        Assert.Equal("req-1", record.GetProperty("requestId").GetString());
        Assert.Equal("1-abc", record.GetProperty("traceId").GetString());
    }

    [Fact]
    public void Write_SeveralMetricsAndProperties_OneLine()
    {
        _writer.Write(
            [new Metric("PromotionSeconds", 61, MetricUnit.Seconds), new Metric("Decisions", 1, MetricUnit.Count)],
            [],
            [new LogField("incidentId", "dr-9")]);

        var record = Assert.Single(_output.Records);
        Assert.Equal(2, record.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").GetArrayLength());
        Assert.Equal("dr-9", record.GetProperty("incidentId").GetString());
    }

    [Fact]
    public void Write_NameUsedTwice_ThrowsAndWritesNothing()
    {
        Assert.Throws<ArgumentException>(() => _writer.Write("FunctionName", 1, MetricUnit.Count));
        Assert.Empty(_output.Lines);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Write_NonFiniteValue_Throws(double value) =>
        Assert.Throws<ArgumentException>(() => _writer.Write("RtoSeconds", value, MetricUnit.Seconds));

    [Fact]
    public void Write_NoMetrics_Throws() =>
        Assert.Throws<ArgumentException>(() => _writer.Write([], [], []));

    [Fact]
    public void Write_EmptyDimensionValue_Throws() =>
        Assert.Throws<ArgumentException>(() => _writer.Write("X", 1, MetricUnit.Count, new MetricDimension("Action", string.Empty)));
}
