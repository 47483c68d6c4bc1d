using System.CommandLine;
using System.Globalization;
using DrLambdas.Drctl.Commands;
using DrLambdas.Drctl.Configuration;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Services;
using DrLambdas.Errors;

namespace DrLambdas.Drctl.Cli;

/// <summary>
/// drctl's command line: parses, loads the settings, runs one command and maps every failure to one line on
/// standard error and a documented exit code (docs/drctl.md).
/// </summary>
/// <param name="environment">Variable lookup (the process environment).</param>
/// <param name="createTerminal">The output for <c>--json</c> or human mode.</param>
/// <param name="createServices">The clients behind the commands.</param>
internal sealed class DrctlApp(
    Func<string, string?> environment,
    Func<bool, Terminal> createTerminal,
    Func<DrctlSettings, DrctlServices> createServices)
{
    private static readonly TimeSpan DefaultPoll = TimeSpan.FromSeconds(2);

    private readonly Option<bool> _json = new("--json") { Description = "One JSON document on standard output instead of tables.", Recursive = true };
    private readonly Option<string?> _config = new("--config")
    {
        Description = "A JSON file of DR_*/AWS_* variable names and values; they win over the environment.",
        Recursive = true,
    };

    /// <summary>Runs drctl with <paramref name="args"/>; returns the exit code.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = BuildRoot(cancellationToken);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var terminal = createTerminal(false);
            terminal.WriteError($"{parsed.Errors[0].Message} (see drctl --help)");
            return ExitCodes.UsageError;
        }

        var terminalForHelp = createTerminal(false);
        return await parsed.InvokeAsync(
            new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
                Output = terminalForHelp.Out,
                Error = terminalForHelp.Error,
            },
            cancellationToken);
    }

    private RootCommand BuildRoot(CancellationToken cancellationToken)
    {
        var root = new RootCommand("drctl — the DrLambdas operator's tool: see the world, plan, start and follow failovers, approve, pause.");
        root.Options.Add(_json);
        root.Options.Add(_config);

        var status = new Command("status", "Both Regions side by side; exit 0 healthy, 1 degraded, 2 cannot tell.");
        status.SetAction((parse, _) => Run(parse, (services, terminal, token) => new StatusCommand(services, terminal).RunAsync(token), cancellationToken));
        root.Subcommands.Add(status);

        var plan = new Command("plan", "What an execution started now would decide, and why (dry run; changes nothing).");
        plan.SetAction((parse, _) => Run(parse, (services, terminal, token) => new PlanCommand(services, terminal).RunAsync(token), cancellationToken));
        root.Subcommands.Add(plan);

        foreach (var (mode, help) in new[]
        {
            ("failover", "Start a failover (the assessment decides switchover or failover with data loss), follow it, print the report."),
            ("switchover", "Start a switchover (no data loss; needs the primary's database reachable), follow it, print the report."),
            ("failback", "Start the failback machine (back to the primary, gradually), follow it, print the report."),
        })
        {
            root.Subcommands.Add(StartCommandLine(mode, help, cancellationToken));
        }

        var watch = new Command("watch", "Re-attach to an execution and follow it to its end.");
        var watchExecution = ExecutionArgument();
        var watchPoll = PollOption();
        watch.Arguments.Add(watchExecution);
        watch.Options.Add(watchPoll);
        watch.SetAction((parse, _) => Run(
            parse,
            (services, terminal, token) => new WatchCommand(services, terminal, Poll(parse, watchPoll)).RunAsync(parse.GetValue(watchExecution)!, token),
            cancellationToken));
        root.Subcommands.Add(watch);

        foreach (var approve in new[] { true, false })
        {
            var command = new Command(approve ? "approve" : "reject", approve
                ? "Approve an execution waiting for approval: it re-assesses, then acts."
                : "Reject an execution waiting for approval: it ends without acting.");
            var execution = ExecutionArgument();
            var reason = ReasonOption(required: true);
            command.Arguments.Add(execution);
            command.Options.Add(reason);
            command.SetAction((parse, _) => Run(
                parse,
                (services, terminal, token) => new ApprovalCommand(services, terminal).RunAsync(parse.GetValue(execution)!, approve, parse.GetValue(reason)!, token),
                cancellationToken));
            root.Subcommands.Add(command);
        }

        var pause = new Command("pause", "Pause automatic failover (alarm-started executions decide None) until it expires.");
        var pauseReason = ReasonOption(required: true);
        var pauseFor = new Option<string?>("--for") { Description = "How long: 90s, 30m, 2h, 1d, 1h30m (default 1h)." };
        var pauseUntil = new Option<string?>("--until") { Description = "Until when, ISO-8601 UTC (e.g. 2026-12-03T18:00:00Z)." };
        pause.Options.Add(pauseReason);
        pause.Options.Add(pauseFor);
        pause.Options.Add(pauseUntil);
        pause.SetAction((parse, _) => Run(
            parse,
            (services, terminal, token) => new PauseCommand(services, terminal).PauseAsync(
                parse.GetValue(pauseReason)!, parse.GetValue(pauseFor), parse.GetValue(pauseUntil), token),
            cancellationToken));
        root.Subcommands.Add(pause);

        var resume = new Command("resume", "Resume automatic failover (removes the pause).");
        var resumeReason = ReasonOption(required: true);
        resume.Options.Add(resumeReason);
        resume.SetAction((parse, _) => Run(
            parse, (services, terminal, token) => new PauseCommand(services, terminal).ResumeAsync(parse.GetValue(resumeReason)!, token), cancellationToken));
        root.Subcommands.Add(resume);

        var history = new Command("history", "Past executions: decision, outcome, RTO, data loss, who started them.");
        var limit = new Option<int>("--limit") { Description = "How many executions (newest first).", DefaultValueFactory = _ => 20 };
        history.Options.Add(limit);
        history.SetAction((parse, _) => Run(
            parse, (services, terminal, token) => new HistoryCommand(services, terminal).RunAsync(parse.GetValue(limit), token), cancellationToken));
        root.Subcommands.Add(history);

        var report = new Command("report", "The incident report of an execution as Markdown (--svg FILE: its timeline).");
        var reportExecution = ExecutionArgument();
        var svg = new Option<string?>("--svg") { Description = "Write the timeline as SVG to this file." };
        report.Arguments.Add(reportExecution);
        report.Options.Add(svg);
        report.SetAction((parse, _) => Run(
            parse,
            (services, terminal, token) => new ReportCommand(services, terminal).RunAsync(parse.GetValue(reportExecution)!, parse.GetValue(svg), token),
            cancellationToken));
        root.Subcommands.Add(report);
        return root;
    }

    private Command StartCommandLine(string mode, string help, CancellationToken cancellationToken)
    {
        var command = new Command(mode, help);
        var target = new Option<string?>("--target") { Description = "The Region to move to (default: the one the assessment picks)." };
        var force = new Option<bool>("--force") { Description = "Override the gates an operator may override (needs --reason)." };
        var reason = ReasonOption(required: false);
        var noFollow = new Option<bool>("--no-follow") { Description = "Start it and return; follow later with drctl watch." };
        var poll = PollOption();
        command.Options.Add(target);
        command.Options.Add(force);
        command.Options.Add(reason);
        command.Options.Add(noFollow);
        command.Options.Add(poll);
        command.SetAction((parse, _) => Run(
            parse,
            (services, terminal, token) => new StartCommand(services, terminal, Poll(parse, poll)).RunAsync(
                new StartRequest(mode, parse.GetValue(target), parse.GetValue(force), parse.GetValue(reason), !parse.GetValue(noFollow)), token),
            cancellationToken));
        return command;
    }

    private static Argument<string> ExecutionArgument() => new("EXECUTION") { Description = "The execution's name or ARN." };

    private static Option<string?> ReasonOption(bool required) =>
        new("--reason") { Description = "Why; recorded in the execution document, the notices and the report.", Required = required };

    private static Option<double> PollOption() =>
        new("--poll") { Description = "Seconds between GetExecutionHistory polls while following.", DefaultValueFactory = _ => DefaultPoll.TotalSeconds };

    private static TimeSpan Poll(ParseResult parse, Option<double> option)
    {
        var seconds = parse.GetValue(option);
        if (seconds is < 0.2 or > 60 || double.IsNaN(seconds))
        {
            throw DrctlException.Usage($"--poll {seconds.ToString(CultureInfo.InvariantCulture)} is outside 0.2-60 seconds.");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private async Task<int> Run(
        ParseResult parse, Func<DrctlServices, Terminal, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var terminal = createTerminal(parse.GetValue(_json));
        try
        {
            var settings = DrctlSettingsLoader.Load(environment, parse.GetValue(_config));
            return await body(createServices(settings), terminal, cancellationToken);
        }
        catch (DrctlException exception)
        {
            terminal.WriteError(exception.Message);
            return exception.ExitCode;
        }
        catch (ConfigurationException exception)
        {
            terminal.WriteError("configuration: " + string.Join(" ", exception.Problems));
            return ExitCodes.ConfigurationError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            terminal.WriteError("interrupted.");
            return ExitCodes.Detached;
        }
        catch (Exception exception) when (AwsErrorText.Explain(exception) is { } explained)
        {
            terminal.WriteError(explained.Message);
            return explained.ExitCode;
        }
        catch (ArgumentException exception)
        {
            terminal.WriteError(exception.Message);
            return ExitCodes.UsageError;
        }
    }
}
