using System.Globalization;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>What one evidence source returned: a value, an error, or nothing within its time.</summary>
/// <typeparam name="T">The source's value.</typeparam>
internal sealed class SourceResult<T>
{
    private SourceResult(T? value, Exception? error, TimeSpan? timedOutAfter)
    {
        Value = value;
        Error = error;
        TimedOutAfter = timedOutAfter;
    }

    /// <summary>The value; meaningful only when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    /// <summary>The error the source failed with, if it failed.</summary>
    public Exception? Error { get; }

    /// <summary>The timeout the source exceeded, if it timed out.</summary>
    public TimeSpan? TimedOutAfter { get; }

    /// <summary>The source answered.</summary>
    public bool Succeeded => Error is null && TimedOutAfter is null;

    /// <summary>Why there is no value, in words (empty on success).</summary>
    public string Failure => TimedOutAfter is { } timeout
        ? string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalMilliseconds:0} ms")
        : Error is null ? string.Empty : $"{Error.GetType().Name}: {Error.Message}";

    public static SourceResult<T> Success(T value) => new(value, null, null);

    public static SourceResult<T> Failed(Exception error) => new(default, error, null);

    public static SourceResult<T> TimedOut(TimeSpan timeout) => new(default, null, timeout);
}
