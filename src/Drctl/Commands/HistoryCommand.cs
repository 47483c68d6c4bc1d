using System.Text.Json.Nodes;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Executions;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Services;
using Spectre.Console;

namespace DrLambdas.Drctl.Commands;

/// <summary><c>drctl history [--limit N]</c>: past executions of both machines with decision, outcome, RTO, data loss, who.</summary>
internal sealed class HistoryCommand(DrctlServices services, Terminal terminal)
{
    public async Task<int> RunAsync(int limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            throw DrctlException.Usage($"--limit {limit} is outside 1-1000.");
        }

        var summaries = new List<ExecutionSummary>();
        foreach (var machine in services.Settings.StateMachineArns)
        {
            summaries.AddRange(await services.StepFunctions.ListAllExecutionsAsync(machine, null, limit, cancellationToken));
        }

        var facts = new List<ExecutionFacts>();
        foreach (var summary in summaries.OrderByDescending(s => s.StartDate).Take(limit))
        {
            facts.Add(ExecutionFacts.Of(await services.StepFunctions.DescribeExecutionAsync(summary.ExecutionArn, cancellationToken)));
        }

        if (terminal.Json)
        {
            terminal.WriteJson(new JsonObject { ["executions"] = new JsonArray(facts.Select(f => (JsonNode?)f.ToJson()).ToArray()) });
            return ExitCodes.Ok;
        }

        if (facts.Count == 0)
        {
            terminal.Console.MarkupLine("No executions yet.");
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("started", "execution", "status", "decision", "outcome", "RTO", "data loss", "started by");
        foreach (var f in facts)
        {
            var d = f.Description;
            table.AddRow(
                Markup.Escape(Json.Time(d.StartDate)),
                Markup.Escape(d.Name ?? d.ExecutionArn),
                Markup.Escape(ExecutionStatusNames.ToWire(d.Status)),
                Markup.Escape(f.Decision ?? f.Mode ?? "-"),
                Markup.Escape(f.Outcome ?? d.Error ?? "-"),
                ExecutionFacts.Seconds(f.RtoSeconds),
                ExecutionFacts.Seconds(f.DataLossSeconds),
                Markup.Escape(f.StartedBy));
        }

        terminal.Console.Write(table);
        return ExitCodes.Ok;
    }
}
