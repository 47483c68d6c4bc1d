namespace DrLambdas.LambdaEmulator.InvokeApi;

/// <summary>Measurement headers the emulator adds to Invoke API responses (Lambda itself has none of them).</summary>
internal static class EmulatorHeaders
{
    /// <summary><c>true</c> when a new bootstrap process was started for the invocation.</summary>
    public const string ColdStart = "X-DrLambdas-Cold-Start";

    /// <summary>Success, Error, InitError, Crash or Timeout.</summary>
    public const string Status = "X-DrLambdas-Status";

    /// <summary>Process start → first <c>/next</c> (cold starts only).</summary>
    public const string InitDurationMs = "X-DrLambdas-Init-Duration-Ms";

    /// <summary>Process start → response or error (cold starts only): the cold-start latency.</summary>
    public const string StartToResponseMs = "X-DrLambdas-Start-To-Response-Ms";

    /// <summary>Hand-off to the runtime → response or error.</summary>
    public const string DurationMs = "X-DrLambdas-Duration-Ms";

    /// <summary>Peak RSS (VmHWM) of the bootstrap process so far, in KiB.</summary>
    public const string MaxMemoryUsedKb = "X-DrLambdas-Max-Memory-Used-Kb";
}
