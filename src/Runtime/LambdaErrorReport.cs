namespace DrLambdas.Runtime;

/// <summary>
/// The error document posted to the Runtime API (<c>{errorType, errorMessage, stackTrace[]}</c>) and written
/// in error log records. For exceptions <see cref="ErrorType"/> is the short type name: Step Functions
/// <c>Retry</c>/<c>Catch</c> match on it, so it must stay stable.
/// </summary>
/// <param name="ErrorType">E.g. <c>ConfigurationException</c>.</param>
/// <param name="ErrorMessage">The exception's message.</param>
/// <param name="StackTrace">Stack frames, one per entry, followed by those of inner exceptions.</param>
public sealed record LambdaErrorReport(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    /// <summary>
    /// Describes <paramref name="exception"/>. An <see cref="AggregateException"/> wrapping a single
    /// exception (a blocked-on task) is described by that inner exception, so its type name survives.
    /// </summary>
    public static LambdaErrorReport FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var subject = Unwrap(exception);
        var frames = new List<string>();
        AddFrames(frames, subject.StackTrace);
        for (var inner = subject.InnerException; inner is not null; inner = inner.InnerException)
        {
            frames.Add($"---> {inner.GetType().FullName}: {inner.Message}");
            AddFrames(frames, inner.StackTrace);
        }

        return new LambdaErrorReport(subject.GetType().Name, subject.Message, frames);
    }

    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        while (current is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            current = aggregate.InnerExceptions[0];
        }

        return current;
    }

    private static void AddFrames(List<string> frames, string? stackTrace)
    {
        if (string.IsNullOrEmpty(stackTrace))
        {
            return;
        }

        foreach (var line in stackTrace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            frames.Add(line);
        }
    }
}
