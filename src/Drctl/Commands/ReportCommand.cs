using DrLambdas.Drctl.Executions;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Reports;
using DrLambdas.Drctl.Services;

namespace DrLambdas.Drctl.Commands;

/// <summary><c>drctl report EXECUTION [--svg FILE]</c>: the incident report as Markdown, the timeline as SVG.</summary>
internal sealed class ReportCommand(DrctlServices services, Terminal terminal)
{
    public async Task<int> RunAsync(string executionText, string? svgPath, CancellationToken cancellationToken)
    {
        var (execution, description) = await ExecutionLocator.FindAsync(executionText, services.Settings, services.StepFunctions, cancellationToken);
        var events = await new ExecutionFollower(services.StepFunctions, services.TimeProvider, TimeSpan.Zero)
            .ReadAllAsync(execution.Arn, cancellationToken);
        var facts = ExecutionFacts.Of(description);
        var states = StateSpan.FromHistory(events);
        var markdown = IncidentMarkdown.Render(facts, states);
        if (svgPath is not null)
        {
            try
            {
                await File.WriteAllTextAsync(svgPath, TimelineSvg.Render(facts, states), cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new DrctlException($"cannot write {svgPath}: {exception.Message}");
            }
        }

        if (terminal.Json)
        {
            var document = facts.ToJson();
            document["markdown"] = markdown;
            document["svg"] = svgPath;
            terminal.WriteJson(document);
        }
        else
        {
            terminal.Out.Write(markdown);
            if (svgPath is not null)
            {
                terminal.Error.WriteLine($"timeline written to {svgPath}");
            }
        }

        return ExitCodes.Ok;
    }
}
