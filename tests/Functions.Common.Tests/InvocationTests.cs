using DrLambdas.Functions.Testing;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.Functions.Common.Tests;

public sealed class InvocationTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
    private readonly TestLambdaContext _context;

    public InvocationTests() => _context = new TestLambdaContext(_time, TimeSpan.FromSeconds(30));

    public void Dispose() => _context.Dispose();

    [Fact]
    public void Logger_WithIncident_AddsOperationIncidentAndRequestIds()
    {
        new Invocation(_context, "apply", "dr-4").Logger.Info("weights changed");

        var record = Assert.Single(_context.LogRecords);
        Assert.Equal("apply", record.GetProperty("operation").GetString());
        Assert.Equal("dr-4", record.GetProperty("incidentId").GetString());
        Assert.Equal(_context.RequestId, record.GetProperty("requestId").GetString());
    }

    [Fact]
    public void Logger_WithoutIncident_OmitsTheIncidentId()
    {
        new Invocation(_context, "status", null).Logger.Info("polled");

        Assert.False(Assert.Single(_context.LogRecords).TryGetProperty("incidentId", out _));
    }

    [Fact]
    public void WriteMetric_Dimensions_AreAddedToTheFunctionDimensionAndIncidentRidesAsAProperty()
    {
        new Invocation(_context, "start", "dr-5").WriteMetric("PromotionStarted", 1, MetricUnit.Count, new MetricDimension("Kind", "Switchover"));

        var record = Assert.Single(_context.Metric("PromotionStarted"));
        Assert.Equal(1, record.GetProperty("PromotionStarted").GetDouble());
        Assert.Equal("Switchover", record.GetProperty("Kind").GetString());
        Assert.Equal("dr-5", record.GetProperty("incidentId").GetString());
        Assert.Equal("start", record.GetProperty("operation").GetString());
        var dimensions = record.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions")[0];
        Assert.Equal(["FunctionName", "Kind"], dimensions.EnumerateArray().Select(name => name.GetString()));
    }

    [Fact]
    public void RemainingTime_ClockAdvances_ShrinksWithTheContextDeadline()
    {
        var invocation = new Invocation(_context, "status", null);

        _time.Advance(TimeSpan.FromSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(18), invocation.RemainingTime);
    }

    [Fact]
    public void Constructor_NoContext_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new Invocation(null!, "status", null));
    }

    [Fact]
    public void Logger_FieldsOfTheCaller_AreKept()
    {
        new Invocation(_context, "apply", "dr-4").Logger.Info("changed", new LogField("changeId", "C1"));

        Assert.Equal("C1", Assert.Single(_context.LogRecords).GetProperty("changeId").GetString());
    }
}
