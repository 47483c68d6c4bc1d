namespace DrLambdas.LambdaEmulator.Configuration;

/// <summary>One function the emulator hosts.</summary>
/// <param name="Name">The function name used in the Invoke API path and AWS_LAMBDA_FUNCTION_NAME.</param>
/// <param name="BootstrapPath">Absolute path of the executable (a Native AOT bootstrap, or a JIT apphost).</param>
/// <param name="MemorySizeMb">AWS_LAMBDA_FUNCTION_MEMORY_SIZE.</param>
/// <param name="Timeout">Invocation timeout; past it the process is killed and Sandbox.Timedout returned.</param>
/// <param name="Variables">The function's own environment variables (environment file, then --env).</param>
internal sealed record FunctionDefinition(
    string Name,
    string BootstrapPath,
    int MemorySizeMb,
    TimeSpan Timeout,
    IReadOnlyDictionary<string, string> Variables);
