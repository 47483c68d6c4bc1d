using System.Diagnostics;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>A running <c>bootstrap</c> child process with a clean Lambda-like environment; its output is forwarded line by line.</summary>
internal sealed class BootstrapProcess : IDisposable
{
    private readonly Process _process;

    private BootstrapProcess(Process process, long startTimestamp)
    {
        _process = process;
        Id = process.Id;
        StartTimestamp = startTimestamp;
        Exited = WaitForExitCodeAsync(process);
    }

    public int Id { get; }

    /// <summary><see cref="Stopwatch"/> timestamp taken just before the process was started.</summary>
    public long StartTimestamp { get; }

    /// <summary>Completes with the exit code when the process has exited.</summary>
    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    public static BootstrapProcess Start(string bootstrapPath, IReadOnlyDictionary<string, string> environment, Action<string> onOutputLine)
    {
        var startInfo = new ProcessStartInfo(bootstrapPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(bootstrapPath),
        };
        startInfo.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => Forward(line.Data, onOutputLine);
        process.ErrorDataReceived += (_, line) => Forward(line.Data, onOutputLine);
        var startTimestamp = Stopwatch.GetTimestamp();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BootstrapProcess(process, startTimestamp);
    }

    /// <summary>Peak RSS so far, in KiB (null once the process is gone).</summary>
    public long? PeakResidentKb() => HasExited ? null : ProcMemory.PeakResidentKb(Id);

    /// <summary>SIGTERM, then SIGKILL if the process is still running after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (HasExited)
        {
            return;
        }

        PosixSignals.Terminate(Id);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            Kill();
        }

        await Exited;
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Forward(string? line, Action<string> onOutputLine)
    {
        if (!string.IsNullOrEmpty(line))
        {
            onOutputLine(line);
        }
    }

    private static async Task<int> WaitForExitCodeAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
