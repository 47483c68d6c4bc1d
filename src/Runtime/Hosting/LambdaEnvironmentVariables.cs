namespace DrLambdas.Runtime.Hosting;

/// <summary>
/// Names of the variables the Lambda service (or the local emulator) sets for a custom runtime.
/// The DrLambdas configuration variables live in DrLambdas.Shared, not here.
/// </summary>
public static class LambdaEnvironmentVariables
{
    /// <summary><c>host:port</c> of the Runtime API.</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>The function's name.</summary>
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";

    /// <summary>The function version being executed, e.g. <c>$LATEST</c>.</summary>
    public const string FunctionVersion = "AWS_LAMBDA_FUNCTION_VERSION";

    /// <summary>Configured memory in MB.</summary>
    public const string FunctionMemorySize = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    /// <summary>Minimum log level under Lambda's advanced logging controls (TRACE ... FATAL).</summary>
    public const string LogLevel = "AWS_LAMBDA_LOG_LEVEL";

    /// <summary>The X-Ray tracing header of the current invocation; the runtime sets it per invocation.</summary>
    public const string TraceId = "_X_AMZN_TRACE_ID";
}
