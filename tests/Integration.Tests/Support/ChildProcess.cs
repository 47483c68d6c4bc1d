using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace DrLambdas.Integration.Tests.Support;

/// <summary>A process started by a test: its first stdout line is its ready document; stderr is kept for diagnostics.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private ChildProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, line) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(line.Data);
            }
        };
    }

    /// <summary>The JSON line the process printed when ready.</summary>
    public JsonElement Ready { get; private set; }

    /// <summary>Everything the process wrote to stderr so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static async Task<ChildProcess> StartAsync(string fileName, IEnumerable<string> arguments, TimeSpan readyTimeout)
    {
        var child = new ChildProcess(new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        try
        {
            child._process.Start();
            child._process.BeginErrorReadLine();
            var line = await child._process.StandardOutput.ReadLineAsync().WaitAsync(readyTimeout)
                ?? throw new InvalidOperationException($"{fileName} exited before it was ready:\n{child.Errors}");
            child.Ready = JsonDocument.Parse(line).RootElement.Clone();
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }
}
