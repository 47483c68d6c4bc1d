using System.Text.Json;
using DrLambdas.Runtime.RuntimeApi;

namespace DrLambdas.Runtime.Tests.RuntimeApi;

public sealed class ErrorReportSerializerTests
{
    [Fact]
    public void Serialize_SmallReport_WritesEveryField()
    {
        var report = new LambdaErrorReport("ConflictException", "Record changed.", ["at A", "at B"]);

        var document = JsonDocument.Parse(ErrorReportSerializer.Serialize(report)).RootElement;

        Assert.Equal("ConflictException", document.GetProperty("errorType").GetString());
        Assert.Equal("Record changed.", document.GetProperty("errorMessage").GetString());
        Assert.Equal(["at A", "at B"], document.GetProperty("stackTrace").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Serialize_HugeStackTrace_DropsFramesToFitTheCap()
    {
        var frames = Enumerable.Range(0, 20_000).Select(i => $"at Frame{i}() in /src/File.cs:line {i}").ToArray();
        var report = new LambdaErrorReport("AwsServiceException", "failed", frames);

        var bytes = ErrorReportSerializer.Serialize(report);

        Assert.True(bytes.Length <= ErrorReportSerializer.MaxDocumentBytes, $"{bytes.Length} bytes");
        var document = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal("failed", document.GetProperty("errorMessage").GetString());
        Assert.InRange(document.GetProperty("stackTrace").GetArrayLength(), 1, frames.Length - 1);
        Assert.Equal("at Frame0() in /src/File.cs:line 0", document.GetProperty("stackTrace")[0].GetString());
    }

    [Fact]
    public void Serialize_HugeMessage_TruncatesTheMessageToFitTheCap()
    {
        var report = new LambdaErrorReport("InputValidationException", new string('\u00e9', 400_000), ["at X"]);

        var bytes = ErrorReportSerializer.Serialize(report);

        Assert.True(bytes.Length <= ErrorReportSerializer.MaxDocumentBytes, $"{bytes.Length} bytes");
        var document = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal("InputValidationException", document.GetProperty("errorType").GetString());
        Assert.EndsWith("... (truncated)", document.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }
}
