using System.Text.Json;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.Runtime.Tests.Logging;

public sealed class JsonLineLoggerTests : IDisposable
{
    private readonly CapturedOutput _output = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 1, 2, 3, 456, TimeSpan.Zero));

    public void Dispose() => _output.Dispose();

    [Fact]
    public void Log_InvocationLogger_WritesOneLineWithStandardFields()
    {
        var logger = CreateLogger().ForInvocation("req-7", "Root=1-abc-def;Parent=1;Sampled=0");

        logger.Info("Weights applied.", new LogField("incidentId", "dr-x"));

        var line = Assert.Single(_output.Lines);
        Assert.Equal(
            "{\"timestamp\":\"2026-11-26T01:02:03.456Z\",\"level\":\"INFO\",\"message\":\"Weights applied.\",\"requestId\":\"req-7\",\"traceId\":\"1-abc-def\",\"incidentId\":\"dr-x\"}",
            line);
    }

    [Fact]
    public void Log_BelowMinimumLevel_WritesNothing()
    {
        var logger = CreateLogger(LambdaLogLevel.Warn);

        logger.Info("ignored");
        logger.Debug("ignored too");

        Assert.Empty(_output.Lines);
    }

    [Fact]
    public void WithFields_LaterRecords_CarryTheFields()
    {
        var logger = CreateLogger().WithFields(new LogField("incidentId", "dr-1"));

        logger.Warn("first");
        logger.Info("second", new LogField("step", "dns"));

        Assert.All(_output.Records, record => Assert.Equal("dr-1", record.GetProperty("incidentId").GetString()));
        Assert.Equal("dns", _output.Records[1].GetProperty("step").GetString());
    }

    [Fact]
    public void Log_FieldRepeated_LastValueWins()
    {
        var logger = CreateLogger().WithFields(new LogField("step", "old"));

        logger.Info("m", new LogField("step", "new"));

        var line = Assert.Single(_output.Lines);
        Assert.Contains("\"step\":\"new\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\"old\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_FieldNamedLikeAFixedField_IsWrittenWithPrefix()
    {
        CreateLogger().Info("real", new LogField("message", "spoofed"));

        var record = Assert.Single(_output.Records);
        Assert.Equal("real", record.GetProperty("message").GetString());
        Assert.Equal("spoofed", record.GetProperty("field.message").GetString());
    }

    [Fact]
    public void Log_WithException_WritesErrorTypeMessageAndStackTrace()
    {
        InvalidOperationException thrown;
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        CreateLogger().Error("Failed.", thrown);

        var record = Assert.Single(_output.Records);
        Assert.Equal("ERROR", record.GetProperty("level").GetString());
        Assert.Equal("InvalidOperationException", record.GetProperty("errorType").GetString());
        Assert.Equal("boom", record.GetProperty("errorMessage").GetString());
        Assert.NotEmpty(record.GetProperty("stackTrace").EnumerateArray());
    }

    [Fact]
    public void Log_TypedFieldValues_AreWrittenAsJsonOfTheirType()
    {
        CreateLogger().Info(
            "typed",
            new LogField("count", 3),
            new LogField("ratio", 0.5),
            new LogField("flag", true),
            new LogField("none", null),
            new LogField("at", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(9))),
            new LogField("took", TimeSpan.FromMilliseconds(1500)),
            new LogField("level2", LambdaLogLevel.Warn),
            new LogField("regions", new[] { "ap-east-2", "ap-northeast-1" }),
            new LogField("nan", double.NaN));

        var record = Assert.Single(_output.Records);
        Assert.Equal(3, record.GetProperty("count").GetInt32());
        Assert.Equal(0.5, record.GetProperty("ratio").GetDouble());
        Assert.True(record.GetProperty("flag").GetBoolean());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("none").ValueKind);
        Assert.Equal("2026-01-01T18:04:05.000Z", record.GetProperty("at").GetString());
        Assert.Equal(1.5, record.GetProperty("took").GetDouble());
        Assert.Equal("Warn", record.GetProperty("level2").GetString());
        Assert.Equal(["ap-east-2", "ap-northeast-1"], record.GetProperty("regions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("NaN", record.GetProperty("nan").GetString());
    }

    [Fact]
    public void Log_ConcurrentWriters_EveryLineIsACompleteRecord()
    {
        var logger = CreateLogger();

        Parallel.For(0, 200, index => logger.Info("parallel", new LogField("index", index)));

        Assert.Equal(200, _output.Records.Count);
        Assert.Equal(200, _output.Records.Select(r => r.GetProperty("index").GetInt32()).Distinct().Count());
    }

    private JsonLineLogger CreateLogger(LambdaLogLevel minimum = LambdaLogLevel.Info) => new(_output.Sink, _time, minimum);
}
