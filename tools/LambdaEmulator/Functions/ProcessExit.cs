using System.Globalization;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>Describes a bootstrap's exit the way Lambda words it in <c>Runtime.ExitError</c> messages.</summary>
internal static class ProcessExit
{
    /// <summary>E.g. <c>exit status 3</c>, <c>signal: killed</c>.</summary>
    public static string Describe(int exitCode)
    {
        // .NET reports a process killed by signal N as exit code 128 + N.
        if (exitCode > 128 && exitCode < 128 + 32)
        {
            return "signal: " + SignalName(exitCode - 128);
        }

        return "exit status " + exitCode.ToString(CultureInfo.InvariantCulture);
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => "aborted",
        9 => "killed",
        11 => "segmentation fault",
        15 => "terminated",
        _ => signal.ToString(CultureInfo.InvariantCulture),
    };
}
