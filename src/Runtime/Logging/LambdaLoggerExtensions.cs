namespace DrLambdas.Runtime.Logging;

/// <summary>Level-named shorthands for <see cref="ILambdaLogger.Log"/>.</summary>
public static class LambdaLoggerExtensions
{
    /// <summary>Writes a DEBUG record.</summary>
    public static void Debug(this ILambdaLogger logger, string message, params ReadOnlySpan<LogField> fields)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.Log(LambdaLogLevel.Debug, message, null, fields);
    }

    /// <summary>Writes an INFO record.</summary>
    public static void Info(this ILambdaLogger logger, string message, params ReadOnlySpan<LogField> fields)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.Log(LambdaLogLevel.Info, message, null, fields);
    }

    /// <summary>Writes a WARN record.</summary>
    public static void Warn(this ILambdaLogger logger, string message, params ReadOnlySpan<LogField> fields)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.Log(LambdaLogLevel.Warn, message, null, fields);
    }

    /// <summary>Writes an ERROR record.</summary>
    public static void Error(this ILambdaLogger logger, string message, params ReadOnlySpan<LogField> fields)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.Log(LambdaLogLevel.Error, message, null, fields);
    }

    /// <summary>Writes an ERROR record with the exception's type, message and stack trace.</summary>
    public static void Error(this ILambdaLogger logger, string message, Exception exception, params ReadOnlySpan<LogField> fields)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.Log(LambdaLogLevel.Error, message, exception, fields);
    }
}
