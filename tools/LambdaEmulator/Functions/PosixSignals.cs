using System.Runtime.InteropServices;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>Sends signals to child processes (.NET can only SIGKILL them).</summary>
internal static partial class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks <paramref name="processId"/> to stop, as Lambda does at shutdown.</summary>
    public static bool Terminate(int processId) => Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
