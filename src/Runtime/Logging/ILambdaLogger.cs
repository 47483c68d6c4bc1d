namespace DrLambdas.Runtime.Logging;

/// <summary>
/// Writes one-line JSON log records to stdout (CloudWatch Logs):
/// <c>{"timestamp","level","message","requestId","traceId",...fields,"errorType","errorMessage","stackTrace"}</c>.
/// </summary>
public interface ILambdaLogger
{
    /// <summary>Whether records of <paramref name="level"/> are written (set by <c>AWS_LAMBDA_LOG_LEVEL</c>).</summary>
    bool IsEnabled(LambdaLogLevel level);

    /// <summary>Writes one record; <paramref name="exception"/> adds errorType, errorMessage and stackTrace.</summary>
    void Log(LambdaLogLevel level, string message, Exception? exception, ReadOnlySpan<LogField> fields);

    /// <summary>
    /// A logger that adds <paramref name="fields"/> to every record it writes, e.g. the incident id
    /// once it is known.
    /// </summary>
    ILambdaLogger WithFields(params ReadOnlySpan<LogField> fields);
}
