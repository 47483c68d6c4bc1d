using System.Globalization;
using System.Text.Json.Nodes;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Pausing;
using DrLambdas.Drctl.Services;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Rto;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DrLambdas.Drctl.Commands;

/// <summary>
/// <c>drctl status</c>: both Regions side by side (every signal, the writer, lag, weights), the RTO budget, the pause,
/// the readiness findings and the running executions. Exit 0 healthy, 1 degraded, 2 cannot tell.
/// </summary>
internal sealed class StatusCommand(DrctlServices services, Terminal terminal)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = services.Settings;
        var world = await services.World.ObserveAsync(cancellationToken);
        var now = services.TimeProvider.GetUtcNow();
        var pause = await ReadPauseAsync(now, cancellationToken);
        var readiness = await ReadReadinessAsync(cancellationToken);
        var running = await RunningAsync(cancellationToken);
        var budget = RtoBudgetCalculator.Compute(settings.Dr.Rto, settings.Dr.Policy.RtoTarget, DecisionAction.Failover);
        var (exitCode, verdict, why) = Judge(settings.Dr, world, running);

        if (terminal.Json)
        {
            terminal.WriteJson(new JsonObject
            {
                ["verdict"] = verdict,
                ["why"] = new JsonArray(why.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
                ["observedAt"] = Json.Time(world.ObservedAt),
                ["regions"] = new JsonArray(settings.Dr.Topology.Sites.Select(site => (JsonNode?)RegionJson(site, world)).ToArray()),
                ["writerRegion"] = world.GlobalCluster.Writer?.Region,
                ["globalOperation"] = world.GlobalCluster.OperationInProgress?.Status,
                ["replicationLagSeconds"] = world.Replication.RpoLag?.TotalSeconds,
                ["replicationLagMeasuredAt"] = Json.Time(world.Replication.MeasuredAt),
                ["rtoBudget"] = Json.Node(budget, ContractsJsonContext.Default.RtoBudget),
                ["pause"] = pause.ToJson(),
                ["readiness"] = readiness,
                ["runningExecutions"] = running is null ? null : new JsonArray(running.Select(r => (JsonNode?)r.ToJson()).ToArray()),
                ["notes"] = new JsonArray(world.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            });
            return exitCode;
        }

        Render(settings.Dr, world, pause, readiness, running, budget, verdict, why);
        return exitCode;
    }

    /// <summary>Known trouble is degraded; no known trouble but something unread is cannot-tell; else healthy.</summary>
    public static (int ExitCode, string Verdict, IReadOnlyList<string> Why) Judge(
        DrConfiguration configuration, WorldSnapshot world, IReadOnlyList<RunningExecution>? running)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(world);
        var bad = new List<string>();
        var unknown = new List<string>();
        foreach (var signal in world.Signals)
        {
            var line = $"{signal.Kind} {signal.Region} (from {signal.Observer}): {signal.Detail}";
            if (signal.Verdict == Verdict.Unhealthy)
            {
                bad.Add(line);
            }
            else if (signal.Verdict == Verdict.Unknown)
            {
                unknown.Add(line);
            }
        }

        var writer = world.GlobalCluster.Writer;
        if (writer is null)
        {
            unknown.Add("the global database's writer is unknown");
        }
        else if (writer.Region != configuration.Topology.Primary.Region)
        {
            bad.Add($"the writer is in {writer.Region}, not the primary {configuration.Topology.Primary.Region}");
        }

        if (world.GlobalCluster.OperationInProgress is { } operation)
        {
            bad.Add($"a global database operation is in progress ({operation.Status})");
        }

        if (world.CurrentWeights is null)
        {
            unknown.Add("the record weights are unknown");
        }
        else
        {
            foreach (var site in configuration.Topology.Sites)
            {
                var weight = world.CurrentWeights.FirstOrDefault(w => w.SetIdentifier == site.SetIdentifier)?.Weight;
                if (weight != site.NormalWeight)
                {
                    bad.Add($"{site.Region}'s record weight is {weight?.ToString(CultureInfo.InvariantCulture) ?? "missing"}, normally {site.NormalWeight}");
                }
            }
        }

        if (running is null)
        {
            unknown.Add("the running executions are unknown");
        }
        else if (running.Count > 0)
        {
            bad.Add($"{running.Count} execution(s) running");
        }

        return bad.Count > 0 ? (ExitCodes.Degraded, "degraded", bad)
            : unknown.Count > 0 ? (ExitCodes.CannotTell, "cannot tell", unknown)
            : (ExitCodes.Ok, "healthy", []);
    }

    private async Task<PauseState> ReadPauseAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (services.Settings.PauseParameterName is not { } name)
        {
            return new PauseState("NotConfigured", null, null);
        }

        try
        {
            return PauseState.Of(await services.Parameters.GetAsync(name, decrypt: false, cancellationToken), now);
        }
        catch (Exception exception) when (AwsErrorText.Explain(exception) is { } line)
        {
            return new PauseState("Unknown", null, line.Message);
        }
    }

    private async Task<string> ReadReadinessAsync(CancellationToken cancellationToken)
    {
        if (services.Settings.ReadinessParameterName is not { } name)
        {
            return "unknown (DR_READINESS_PARAMETER_NAME is not set)";
        }

        try
        {
            return await services.Parameters.GetAsync(name, decrypt: false, cancellationToken) ?? "unknown (no readiness findings yet)";
        }
        catch (Exception exception) when (AwsErrorText.Explain(exception) is { } line)
        {
            return "unknown: " + line.Message;
        }
    }

    private async Task<IReadOnlyList<RunningExecution>?> RunningAsync(CancellationToken cancellationToken)
    {
        try
        {
            var running = new List<RunningExecution>();
            foreach (var machine in services.Settings.StateMachineArns)
            {
                var executions = await services.StepFunctions.ListAllExecutionsAsync(
                    machine, StepFunctionsExecutionStatus.Running, 100, cancellationToken);
                foreach (var execution in executions)
                {
                    running.Add(new RunningExecution(execution, await AwaitsApprovalAsync(execution.Name, cancellationToken)));
                }
            }

            return running;
        }
        catch (Exception exception) when (AwsErrorText.Explain(exception) is not null)
        {
            return null;
        }
    }

    private async Task<bool?> AwaitsApprovalAsync(string name, CancellationToken cancellationToken)
    {
        if (services.Settings.ApprovalParameterPrefix is not { } prefix)
        {
            return null;
        }

        try
        {
            // Only whether it exists: the token itself is for approvers, and status needs no decryption.
            return await services.Parameters.GetAsync($"{prefix}/{name}", decrypt: false, cancellationToken) is not null;
        }
        catch (Exception exception) when (AwsErrorText.Explain(exception) is not null)
        {
            return null;
        }
    }

    private static JsonObject RegionJson(RegionSite site, WorldSnapshot world)
    {
        var member = world.GlobalCluster.MemberIn(site.Region);
        return new JsonObject
        {
            ["region"] = site.Region,
            ["role"] = site.Role.ToString(),
            ["writer"] = member?.IsWriter,
            ["clusterStatus"] = member?.Status,
            ["synchronisation"] = member?.Synchronisation.ToString(),
            ["recordWeight"] = world.CurrentWeights?.FirstOrDefault(w => w.SetIdentifier == site.SetIdentifier)?.Weight,
            ["normalWeight"] = site.NormalWeight,
            ["signals"] = new JsonArray(world.Signals.Where(s => s.Region == site.Region)
                .Select(s => (JsonNode?)new JsonObject
                {
                    ["kind"] = s.Kind.ToString(),
                    ["observer"] = s.Observer,
                    ["verdict"] = s.Verdict.ToString(),
                    ["detail"] = s.Detail,
                    ["observedAt"] = Json.Time(s.ObservedAt),
                }).ToArray()),
        };
    }

    private void Render(
        DrConfiguration configuration, WorldSnapshot world, PauseState pause, string readiness,
        IReadOnlyList<RunningExecution>? running, RtoBudget budget, string verdict, IReadOnlyList<string> why)
    {
        var console = terminal.Console;
        var sites = configuration.Topology.Sites;
        var table = new Table().Border(TableBorder.Rounded).Title($"DrLambdas status at {Json.Time(world.ObservedAt)}");
        table.AddColumn(string.Empty);
        foreach (var site in sites)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(site.Region)}[/] ({site.Role})"));
        }

        void Row(string name, Func<RegionSite, string> cell)
        {
            var cells = new List<IRenderable> { new Markup(Markup.Escape(name)) };
            cells.AddRange(sites.Select(site => new Markup(cell(site))));
            table.AddRow(cells);
        }

        Row("database", site => world.GlobalCluster.MemberIn(site.Region) is { } m
            ? $"{(m.IsWriter ? "[bold]writer[/]" : "reader")} · {Markup.Escape(m.Status)} · {m.Synchronisation}"
            : "[grey]unknown[/]");
        Row("record weight", site => world.CurrentWeights is null ? "[grey]unknown[/]"
            : world.CurrentWeights.FirstOrDefault(w => w.SetIdentifier == site.SetIdentifier) is { } w
                ? $"{w.Weight} (normally {site.NormalWeight})"
                : "[red]missing[/]");
        foreach (var kind in Enum.GetValues<SignalKind>())
        {
            Row(KindName(kind), site => Cell(world.Signals.Where(s => s.Kind == kind && s.Region == site.Region).ToList()));
        }

        console.Write(table);
        var lag = world.Replication.RpoLag is { } rpo
            ? $"{rpo.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s (measured {Json.Time(world.Replication.MeasuredAt)}; data-loss budget {configuration.Policy.DataLossBudget.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)"
            : "[grey]unknown[/]";
        console.MarkupLine($"[bold]replication lag[/]  {lag}");
        console.MarkupLine($"[bold]RTO budget[/]       {budget.TotalSeconds} s for a failover, target {budget.TargetSeconds} s{(budget.Reachable ? string.Empty : " [yellow](target not reachable with this configuration)[/]")}");
        console.MarkupLine($"[bold]automatic failover[/] {Markup.Escape(pause.Describe())}");
        console.MarkupLine($"[bold]readiness[/]        {Markup.Escape(readiness)}");
        if (running is null)
        {
            console.MarkupLine("[bold]executions[/]       [grey]unknown (ListExecutions failed)[/]");
        }
        else if (running.Count == 0)
        {
            console.MarkupLine("[bold]executions[/]       none running");
        }
        else
        {
            foreach (var execution in running)
            {
                var approval = execution.AwaitsApproval == true
                    ? $" [yellow]awaiting approval: drctl approve {Markup.Escape(execution.Summary.Name)} --reason ... | drctl reject {Markup.Escape(execution.Summary.Name)} --reason ...[/]"
                    : string.Empty;
                console.MarkupLine($"[bold]executions[/]       {Markup.Escape(execution.Summary.Name)} running since {Json.Time(execution.Summary.StartDate)}{approval}");
            }
        }

        foreach (var note in world.Notes)
        {
            console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");
        }

        var colour = verdict switch { "healthy" => "green", "degraded" => "red", _ => "yellow" };
        console.MarkupLine($"[bold {colour}]{verdict.ToUpperInvariant()}[/]");
        foreach (var line in why)
        {
            console.MarkupLine($"  - {Markup.Escape(line)}");
        }
    }

    private static string KindName(SignalKind kind) => kind switch
    {
        SignalKind.Probe => "probe /actuator/health",
        SignalKind.Route53HealthCheck => "Route 53 health check",
        SignalKind.Alarm => "alarms",
        SignalKind.DatabaseEndpoint => "database endpoint",
        _ => kind.ToString(),
    };

    private static string Cell(List<HealthSignal> signals)
    {
        if (signals.Count == 0)
        {
            return "[grey]not watched[/]";
        }

        return string.Join("\n", signals.Select(s =>
        {
            var colour = s.Verdict switch { Verdict.Healthy => "green", Verdict.Unhealthy => "red", _ => "yellow" };
            return $"[{colour}]{s.Verdict}[/] {Markup.Escape(Shorten(s.Detail))}";
        }));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

/// <summary>A running execution, and whether it awaits an approval (null: unknown).</summary>
internal sealed record RunningExecution(ExecutionSummary Summary, bool? AwaitsApproval)
{
    /// <summary>The <c>--json</c> form.</summary>
    public JsonObject ToJson() => new()
    {
        ["executionArn"] = Summary.ExecutionArn,
        ["name"] = Summary.Name,
        ["startDate"] = Json.Time(Summary.StartDate),
        ["awaitsApproval"] = AwaitsApproval,
    };
}
