namespace DrLambdas.Drctl;

/// <summary>A failure drctl explains in one line and answers with <paramref name="exitCode"/>.</summary>
/// <param name="message">The one line, without the <c>drctl:</c> prefix.</param>
/// <param name="exitCode">One of <see cref="ExitCodes"/>.</param>
internal sealed class DrctlException(string message, int exitCode = ExitCodes.RuntimeError) : Exception(message)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>A usage error: the command line asked for something drctl does not accept.</summary>
    public static DrctlException Usage(string message) => new(message, ExitCodes.UsageError);
}
