using System.Globalization;
using System.Text.Json.Nodes;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Pausing;
using DrLambdas.Drctl.Services;
using Spectre.Console;

namespace DrLambdas.Drctl.Commands;

/// <summary>
/// <c>drctl pause --reason TEXT [--for D | --until T]</c> and <c>drctl resume --reason TEXT</c>: the pause document of
/// automatic failover in SSM. A pause stops alarm-started promotions and pins, not Route 53's health-check failover.
/// </summary>
internal sealed class PauseCommand(DrctlServices services, Terminal terminal)
{
    /// <summary>How long a pause lasts when neither <c>--for</c> nor <c>--until</c> is given.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(1);

    public async Task<int> PauseAsync(string reason, string? forText, string? untilText, CancellationToken cancellationToken)
    {
        RequireReason(reason);
        var name = ParameterName();
        if (forText is not null && untilText is not null)
        {
            throw DrctlException.Usage("give --for or --until, not both.");
        }

        var now = services.TimeProvider.GetUtcNow();
        var until = untilText is not null ? ParseUntil(untilText, now) : now + (forText is null ? DefaultDuration : DurationText.Parse(forText));
        var identity = await services.Sts.GetCallerIdentityAsync(cancellationToken);
        var document = new PauseDocument(identity.Arn, reason.Trim(), now, until);
        await services.Parameters.PutAsync(name, document.ToJson(), secure: false, overwrite: true, cancellationToken);
        var state = new PauseState("Paused", document, null);
        if (terminal.Json)
        {
            terminal.WriteJson(state.ToJson());
        }
        else
        {
            terminal.Console.MarkupLine($"[yellow]Automatic failover {Markup.Escape(state.Describe())}[/]");
            terminal.Console.MarkupLine("[grey]Alarm-started executions decide None while paused; drctl failover/switchover still act. Route 53 health checks still move traffic.[/]");
        }

        return ExitCodes.Ok;
    }

    public async Task<int> ResumeAsync(string reason, CancellationToken cancellationToken)
    {
        RequireReason(reason);
        var name = ParameterName();
        var identity = await services.Sts.GetCallerIdentityAsync(cancellationToken);
        var deleted = await services.Parameters.DeleteAsync(name, cancellationToken);
        if (terminal.Json)
        {
            terminal.WriteJson(new JsonObject
            {
                ["state"] = "NotPaused",
                ["wasPaused"] = deleted,
                ["resumedBy"] = identity.Arn,
                ["reason"] = reason.Trim(),
            });
        }
        else
        {
            terminal.Console.MarkupLine(deleted
                ? $"[green]Automatic failover resumed[/] by {Markup.Escape(identity.Arn)}: {Markup.Escape(reason.Trim())}"
                : "Automatic failover was not paused; nothing changed.");
        }

        return ExitCodes.Ok;
    }

    private string ParameterName() => services.Settings.PauseParameterName
        ?? throw new DrctlException("configuration: DR_PAUSE_PARAMETER_NAME is not set.", ExitCodes.ConfigurationError);

    private static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw DrctlException.Usage("--reason TEXT is required: every notice shows who paused and why.");
        }
    }

    private static DateTimeOffset ParseUntil(string text, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var until))
        {
            throw DrctlException.Usage($"--until '{text}' is not a time such as 2026-12-03T18:00:00Z.");
        }

        if (until <= now)
        {
            throw DrctlException.Usage($"--until {Json.Time(until)} is not in the future.");
        }

        return until;
    }
}
