namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>How an invocation ended.</summary>
internal enum InvocationStatus
{
    /// <summary>The runtime posted a response.</summary>
    Success,

    /// <summary>The runtime posted an invocation error.</summary>
    Error,

    /// <summary>Initialization failed (init error posted, crash or timeout during init).</summary>
    InitError,

    /// <summary>The process exited while the invocation was in flight.</summary>
    Crash,

    /// <summary>The invocation timed out and the process was killed.</summary>
    Timeout,
}
