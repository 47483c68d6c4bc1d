namespace DrLambdas.Runtime.Logging;

/// <summary>Converts between <see cref="LambdaLogLevel"/> and the upper-case names written in log lines.</summary>
public static class LogLevelNames
{
    /// <summary>The name written in the <c>level</c> field, e.g. <c>INFO</c>.</summary>
    public static string ToName(LambdaLogLevel level) => level switch
    {
        LambdaLogLevel.Trace => "TRACE",
        LambdaLogLevel.Debug => "DEBUG",
        LambdaLogLevel.Info => "INFO",
        LambdaLogLevel.Warn => "WARN",
        LambdaLogLevel.Error => "ERROR",
        LambdaLogLevel.Fatal => "FATAL",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown log level."),
    };

    /// <summary>
    /// Parses a level name case-insensitively (<c>WARNING</c> is accepted for <c>WARN</c>);
    /// <paramref name="fallback"/> when the name is empty or unknown.
    /// </summary>
    public static LambdaLogLevel Parse(string? name, LambdaLogLevel fallback) =>
        name?.Trim().ToUpperInvariant() switch
        {
            "TRACE" => LambdaLogLevel.Trace,
            "DEBUG" => LambdaLogLevel.Debug,
            "INFO" => LambdaLogLevel.Info,
            "WARN" or "WARNING" => LambdaLogLevel.Warn,
            "ERROR" => LambdaLogLevel.Error,
            "FATAL" => LambdaLogLevel.Fatal,
            _ => fallback,
        };
}
