using System.Text.Json.Nodes;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Services;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using Spectre.Console;

namespace DrLambdas.Drctl.Commands;

/// <summary>
/// <c>drctl plan</c>: the HealthValidator's assessment on a dry-run document: what an execution would do now and
/// why, every reason with its evidence. Nothing is started or changed.
/// </summary>
internal sealed class PlanCommand(DrctlServices services, Terminal terminal)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var identity = await services.Sts.GetCallerIdentityAsync(cancellationToken);
        var assessment = await services.World.AssessDryRunAsync(identity.Arn, "drctl plan", cancellationToken);
        if (terminal.Json)
        {
            terminal.WriteJson(Json.Node(assessment, ContractsJsonContext.Default.AssessResponse) ?? new JsonObject());
            return ExitCodes.Ok;
        }

        var decision = assessment.Decision;
        var console = terminal.Console;
        console.MarkupLine($"[bold]Plan at {Json.Time(assessment.AssessedAt)}[/] (dry run: nothing is changed)");
        console.MarkupLine($"An execution started now would decide [bold]{decision.Action}[/]"
            + (decision.Action != DecisionAction.None && decision.TargetRegion is { } to
                ? $" from {Markup.Escape(decision.FailedRegion ?? "-")} to {Markup.Escape(to)}"
                : string.Empty)
            + (decision.AllowDataLoss ? $", allowing data loss (estimated {Executions.ExecutionFacts.Seconds(decision.EstimatedDataLossSeconds)})" : string.Empty)
            + (decision.DrainFirst ? ", pinning DNS first" : string.Empty) + ".");
        console.WriteLine();
        console.MarkupLine("[bold]Why[/]");
        foreach (var reason in decision.Reasons)
        {
            console.MarkupLine($"  [bold]{reason.Code}[/]: {Markup.Escape(reason.Message)}");
            foreach (var evidence in reason.Evidence)
            {
                console.MarkupLine($"      [grey]{Markup.Escape(evidence)}[/]");
            }
        }

        if (assessment.DesiredWeights.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Weights it would set[/]  "
                + string.Join(", ", assessment.DesiredWeights.Select(w => $"{Markup.Escape(w.SetIdentifier)} ({Markup.Escape(w.Region)}) = {w.Weight}")));
        }

        console.MarkupLine($"[bold]RTO budget[/]  {assessment.RtoBudget.TotalSeconds} s (target {assessment.RtoBudget.TargetSeconds} s): {Markup.Escape(assessment.RtoBudget.Explanation)}");
        return ExitCodes.Ok;
    }
}
