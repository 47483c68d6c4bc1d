using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;

namespace DrLambdas.Runtime;

/// <summary>What a handler knows about the invocation it is serving.</summary>
public interface ILambdaContext
{
    /// <summary>The Lambda request id (Lambda-Runtime-Aws-Request-Id).</summary>
    string RequestId { get; }

    /// <summary>The ARN the caller invoked (function, version or alias).</summary>
    string InvokedFunctionArn { get; }

    /// <summary>The X-Ray tracing header (also in <c>_X_AMZN_TRACE_ID</c>), when tracing is on.</summary>
    string? TraceId { get; }

    /// <summary>The function's name (AWS_LAMBDA_FUNCTION_NAME).</summary>
    string FunctionName { get; }

    /// <summary>The version being executed, e.g. <c>$LATEST</c>.</summary>
    string FunctionVersion { get; }

    /// <summary>Configured memory in MB; 0 when unknown.</summary>
    int MemoryLimitInMB { get; }

    /// <summary>Client context JSON of mobile SDK invocations.</summary>
    string? ClientContext { get; }

    /// <summary>Cognito identity JSON of mobile SDK invocations.</summary>
    string? CognitoIdentity { get; }

    /// <summary>When Lambda stops this invocation.</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left until <see cref="Deadline"/> (never negative), read through the host's TimeProvider.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>The host's clock, which <see cref="RemainingTime"/> reads; handlers time their work with it.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>One-line JSON logger whose records carry this invocation's requestId and traceId.</summary>
    ILambdaLogger Logger { get; }

    /// <summary>EMF metrics writer whose records carry this invocation's requestId and traceId.</summary>
    IMetricsWriter Metrics { get; }
}
