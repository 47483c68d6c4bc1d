using System.Globalization;
using System.Text.Json.Nodes;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Reports;
using DrLambdas.Drctl.Services;
using Spectre.Console;

namespace DrLambdas.Drctl.Executions;

/// <summary>
/// Follows one execution live: each state as it is entered (with a spinner naming the current state on a terminal),
/// each failure, the approval commands while it waits for one, and at the end the incident report. Cancelling
/// (Ctrl-C) detaches: the execution goes on and <c>drctl watch</c> re-attaches.
/// </summary>
internal sealed class ExecutionWatcher(DrctlServices services, Terminal terminal, TimeSpan pollInterval)
{
    public async Task<int> WatchAsync(ExecutionRef execution, CancellationToken cancellationToken)
    {
        var follower = new ExecutionFollower(services.StepFunctions, services.TimeProvider, pollInterval);
        var events = new List<HistoryEvent>();
        var hinted = false;
        DateTimeOffset? startedAt = null;
        string current = "starting";

        Task OnEvent(HistoryEvent item)
        {
            events.Add(item);
            startedAt ??= item.Timestamp;
            if (item.Type.EndsWith("StateEntered", StringComparison.Ordinal) && item.StateName is { } state)
            {
                current = state;
            }

            if (!terminal.Json && Describe(item, startedAt.Value) is { } line)
            {
                terminal.Console.MarkupLine(line);
            }

            return Task.CompletedTask;
        }

        async Task OnPoll(IReadOnlyList<HistoryEvent> seen)
        {
            if (hinted || terminal.Json || services.Settings.ApprovalParameterPrefix is not { } prefix)
            {
                return;
            }

            if (await services.Parameters.GetAsync($"{prefix}/{execution.Name}", decrypt: false, cancellationToken) is not null)
            {
                hinted = true;
                terminal.Console.MarkupLine(
                    $"[yellow]   awaiting approval — approve: drctl approve {Markup.Escape(execution.Name)} --reason \"...\"   reject: drctl reject {Markup.Escape(execution.Name)} --reason \"...\"[/]");
            }
        }

        ExecutionDescription final;
        try
        {
            if (!terminal.Json && terminal.Console.Profile.Capabilities.Interactive)
            {
                final = await terminal.Console.Status().Spinner(Spinner.Known.Dots).StartAsync(
                    "following " + Markup.Escape(execution.Name),
                    async context => await follower.FollowAsync(
                        execution.Arn,
                        async item =>
                        {
                            await OnEvent(item);
                            context.Status($"{Markup.Escape(current)} — {Markup.Escape(execution.Name)}");
                        },
                        OnPoll,
                        cancellationToken));
            }
            else
            {
                final = await follower.FollowAsync(execution.Arn, OnEvent, OnPoll, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (terminal.Json)
            {
                terminal.WriteJson(new JsonObject { ["executionArn"] = execution.Arn, ["detached"] = true, ["lastState"] = current });
            }
            else
            {
                terminal.Console.MarkupLine(
                    $"Detached from {Markup.Escape(execution.Name)}; it keeps running. Re-attach: [bold]drctl watch {Markup.Escape(execution.Name)}[/]");
            }

            return ExitCodes.Detached;
        }

        var facts = ExecutionFacts.Of(final);
        var states = StateSpan.FromHistory(events);
        if (terminal.Json)
        {
            var document = facts.ToJson();
            document["states"] = new JsonArray(states.Select(s => (JsonNode?)new JsonObject
            {
                ["name"] = s.Name,
                ["enteredAt"] = Json.Time(s.EnteredAt),
                ["exitedAt"] = Json.Time(s.ExitedAt),
                ["failure"] = s.Failure,
            }).ToArray());
            document["report"] = IncidentMarkdown.Render(facts, states);
            terminal.WriteJson(document);
        }
        else
        {
            terminal.Console.WriteLine();
            terminal.Console.Write(new Text(IncidentMarkdown.Render(facts, states)));
        }

        return ExitCodeOf(facts);
    }

    /// <summary>0 when the execution succeeded and either recovered or had nothing to do; 1 otherwise.</summary>
    public static int ExitCodeOf(ExecutionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Description.Status != StepFunctionsExecutionStatus.Succeeded)
        {
            return ExitCodes.Degraded;
        }

        return facts.Outcome is null or "Recovered" && facts.Decision is not ("Escalate" or "Abort")
            ? ExitCodes.Ok
            : ExitCodes.Degraded;
    }

    private static string? Describe(HistoryEvent item, DateTimeOffset startedAt)
    {
        var clock = item.Timestamp.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var offset = (item.Timestamp - startedAt).TotalSeconds.ToString("+0.0's'", CultureInfo.InvariantCulture).PadLeft(8);
        var prefix = $"{clock} {offset}";
        if (item.Type.EndsWith("StateEntered", StringComparison.Ordinal) && item.StateName is { } state)
        {
            return $"{prefix}  > {Markup.Escape(state)}";
        }

        return item.Type switch
        {
            "ExecutionStarted" => $"{prefix}  execution started",
            "ExecutionSucceeded" => $"{prefix}  [green]execution succeeded[/]",
            "ExecutionFailed" or "ExecutionAborted" or "ExecutionTimedOut" =>
                $"{prefix}  [red]{Markup.Escape(item.Type)}: {Markup.Escape(item.Error ?? string.Empty)} {Markup.Escape(item.Cause ?? string.Empty)}[/]",
            _ when item.Error is not null =>
                $"{prefix}  [red]{Markup.Escape(item.Type)}: {Markup.Escape(item.Error)}[/]",
            _ => null,
        };
    }
}
