namespace DrLambdas.Runtime.Hosting;

/// <summary>Process exit codes of a bootstrap built on <see cref="LambdaHost"/>.</summary>
public static class LambdaExitCodes
{
    /// <summary>The loop ended cleanly (SIGTERM or cancellation).</summary>
    public const int Success = 0;

    /// <summary>Initialization failed; the error was posted to <c>/runtime/init/error</c>.</summary>
    public const int InitializationFailed = 1;

    /// <summary>The Runtime API was unreachable, missing or answered that the runtime must exit.</summary>
    public const int RuntimeApiFailed = 2;
}
