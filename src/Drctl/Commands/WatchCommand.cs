using DrLambdas.Drctl.Executions;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Services;
using Spectre.Console;

namespace DrLambdas.Drctl.Commands;

/// <summary><c>drctl watch EXECUTION</c>: re-attaches to an execution (or shows how a finished one went).</summary>
internal sealed class WatchCommand(DrctlServices services, Terminal terminal, TimeSpan pollInterval)
{
    public async Task<int> RunAsync(string executionText, CancellationToken cancellationToken)
    {
        var (execution, _) = await ExecutionLocator.FindAsync(executionText, services.Settings, services.StepFunctions, cancellationToken);
        if (!terminal.Json)
        {
            terminal.Console.MarkupLine($"Watching [bold]{Markup.Escape(execution.Name)}[/] — Ctrl-C detaches; the execution goes on.");
        }

        return await new ExecutionWatcher(services, terminal, pollInterval).WatchAsync(execution, cancellationToken);
    }
}
