namespace DrLambdas.Runtime.Tests;

public sealed class LambdaErrorReportTests
{
    [Fact]
    public void FromException_CustomException_UsesShortTypeName()
    {
        var report = LambdaErrorReport.FromException(new HealthGateFailedException("ap-east-2 regressed"));

        Assert.Equal("HealthGateFailedException", report.ErrorType);
        Assert.Equal("ap-east-2 regressed", report.ErrorMessage);
    }

    [Fact]
    public void FromException_AggregateOfOne_ReportsTheInnerException()
    {
        var report = LambdaErrorReport.FromException(new AggregateException(new TimeoutException("slow")));

        Assert.Equal("TimeoutException", report.ErrorType);
        Assert.Equal("slow", report.ErrorMessage);
    }

    [Fact]
    public void FromException_InnerException_AppendsCauseToStackTrace()
    {
        var report = LambdaErrorReport.FromException(new InvalidOperationException("outer", new FormatException("inner")));

        Assert.Equal("InvalidOperationException", report.ErrorType);
        Assert.Contains("---> System.FormatException: inner", report.StackTrace);
    }

    [Fact]
    public void FromException_ThrownException_ListsItsFrames()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("thrown");
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        var report = LambdaErrorReport.FromException(thrown);

        Assert.Contains(report.StackTrace, frame => frame.Contains(nameof(FromException_ThrownException_ListsItsFrames), StringComparison.Ordinal));
    }

    private sealed class HealthGateFailedException(string message) : Exception(message);
}
