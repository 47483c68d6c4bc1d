using System.Globalization;
using System.Text.Json.Nodes;
using DrLambdas.Drctl.Executions;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Services;
using Spectre.Console;

namespace DrLambdas.Drctl.Commands;

/// <summary>What <c>failover</c>, <c>switchover</c> or <c>failback</c> asks for.</summary>
/// <param name="Mode">The manual document's mode.</param>
/// <param name="Target">The Region to move to, if the operator named one.</param>
/// <param name="Force">Override the gates a forced decision may override.</param>
/// <param name="Reason">Why (required with force).</param>
/// <param name="Follow">Follow the execution to its end.</param>
internal sealed record StartRequest(string Mode, string? Target, bool Force, string? Reason, bool Follow);

/// <summary>
/// Starts the right state machine with the documented manual document, the caller's identity as <c>requestedBy</c>,
/// then follows the execution live and ends with the incident report.
/// </summary>
internal sealed class StartCommand(DrctlServices services, Terminal terminal, TimeSpan pollInterval)
{
    public async Task<int> RunAsync(StartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = services.Settings;
        var topology = settings.Dr.Topology;
        if (request.Target is { } target && topology.Find(target) is null)
        {
            throw DrctlException.Usage(
                $"--target {target} is not one of this stack's Regions ({topology.Primary.Region}, {topology.Secondary.Region}).");
        }

        if (request.Force && string.IsNullOrWhiteSpace(request.Reason))
        {
            throw DrctlException.Usage("--force needs --reason TEXT: the reason is recorded with the forced decision.");
        }

        string machine;
        if (request.Mode == "failback")
        {
            machine = settings.FailbackStateMachineArn
                ?? throw new DrctlException("configuration: DR_FAILBACK_STATE_MACHINE_ARN is not set.", ExitCodes.ConfigurationError);
            if (request.Target is { } back && back != topology.Primary.Region)
            {
                throw DrctlException.Usage($"failback returns to the primary {topology.Primary.Region}; --target {back} is not it.");
            }
        }
        else
        {
            machine = settings.FailoverStateMachineArn;
        }

        var identity = await services.Sts.GetCallerIdentityAsync(cancellationToken);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? $"manual {request.Mode} with drctl" : request.Reason.Trim();
        var document = ManualDocument.Create(request.Mode, request.Target, reason, request.Force, identity.Arn);
        var now = services.TimeProvider.GetUtcNow();
        var name = $"drctl-{request.Mode}-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}";
        var started = await services.StepFunctions.StartExecutionAsync(machine, document.ToJsonString(), name, cancellationToken);
        var execution = new ExecutionRef(started.ExecutionArn, name, machine);

        if (!request.Follow)
        {
            if (terminal.Json)
            {
                terminal.WriteJson(new JsonObject
                {
                    ["executionArn"] = started.ExecutionArn,
                    ["name"] = name,
                    ["startDate"] = Json.Time(started.StartDate),
                    ["input"] = document,
                });
            }
            else
            {
                terminal.Console.MarkupLine($"Started {Markup.Escape(name)} as {Markup.Escape(identity.Arn)}. Follow it: [bold]drctl watch {Markup.Escape(name)}[/]");
            }

            return ExitCodes.Ok;
        }

        if (!terminal.Json)
        {
            terminal.Console.MarkupLine($"Started [bold]{Markup.Escape(name)}[/] ({request.Mode}{(request.Force ? ", forced" : string.Empty)}) as {Markup.Escape(identity.Arn)}");
            terminal.Console.MarkupLine("[grey]Ctrl-C detaches; the execution goes on.[/]");
        }

        return await new ExecutionWatcher(services, terminal, pollInterval).WatchAsync(execution, cancellationToken);
    }
}
