using System.Globalization;
using System.Security;
using System.Text;
using DrLambdas.Drctl.Executions;
using DrLambdas.Drctl.Output;

namespace DrLambdas.Drctl.Reports;

/// <summary>
/// The execution's timeline as a plain SVG: one bar per state on a time axis in seconds from the start (a state
/// still running ends at the last event), failed states in red, with each bar's name and duration beside it; when a
/// human approved the execution, a dashed line where the approval came in, with the approver.
/// </summary>
internal static class TimelineSvg
{
    private const int Left = 220;
    private const int Width = 560;
    private const int Row = 22;
    private const int Top = 50;
    private static readonly int[] TickSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600];

    public static string Render(ExecutionFacts facts, IReadOnlyList<StateSpan> states)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(states);
        var start = facts.Description.StartDate;
        var end = facts.Description.StopDate
            ?? states.Select(s => s.ExitedAt ?? s.EnteredAt).DefaultIfEmpty(start).Max();
        var total = Math.Max((end - start).TotalSeconds, 1);
        var height = Top + (states.Count * Row) + 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Left + Width + 120}\" height=\"{height}\" font-family=\"monospace\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Xml(facts.Description.Name ?? facts.Description.ExecutionArn)}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"20\" font-size=\"14\">{Xml(facts.Description.Name ?? string.Empty)}: {Xml(facts.Decision ?? facts.Mode ?? string.Empty)} {Xml(facts.Outcome ?? string.Empty)} — {total.ToString("0.0", CultureInfo.InvariantCulture)} s</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top - 8}\" x2=\"{Left + Width}\" y2=\"{Top - 8}\" stroke=\"#888\"/>\n");
        foreach (var tick in Ticks(total))
        {
            var x = Left + (tick / total * Width);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Top - 12}\" text-anchor=\"middle\" fill=\"#555\">{tick:0.#}s</text>\n");
        }

        for (var i = 0; i < states.Count; i++)
        {
            var state = states[i];
            var from = (state.EnteredAt - start).TotalSeconds;
            var to = ((state.ExitedAt ?? end) - start).TotalSeconds;
            var x = Left + (Math.Clamp(from, 0, total) / total * Width);
            var w = Math.Max((Math.Clamp(to, 0, total) - Math.Clamp(from, 0, total)) / total * Width, 1.5);
            var y = Top + (i * Row);
            var colour = state.Failure is null ? "#4a7fb5" : "#c0392b";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{Xml(state.Name)}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y + 3}\" width=\"{w:0.##}\" height=\"14\" fill=\"{colour}\"><title>{Xml(state.Failure ?? state.Name)}</title></rect>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w + 4:0.##}\" y=\"{y + 13}\" fill=\"#333\">{(to - from).ToString("0.0", CultureInfo.InvariantCulture)}s</text>\n");
        }

        if (ApprovalMark(facts) is { } approval)
        {
            var x = Left + (Math.Clamp((approval.At - start).TotalSeconds, 0, total) / total * Width);
            var bottom = Top + (states.Count * Row);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.##}\" y1=\"{Top - 8}\" x2=\"{x:0.##}\" y2=\"{bottom}\" stroke=\"#27ae60\" stroke-dasharray=\"4 3\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.##}\" y=\"{bottom + 16}\" text-anchor=\"middle\" fill=\"#27ae60\">approved by {Xml(approval.By)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static (DateTimeOffset At, string By)? ApprovalMark(ExecutionFacts facts) =>
        Json.Text(facts.Approval, "approvedBy") is { } by
        && DateTimeOffset.TryParse(Json.Text(facts.Approval, "approvedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at, by)
            : null;

    private static IEnumerable<double> Ticks(double total)
    {
        var step = TickSteps.FirstOrDefault(s => total / s <= 10, 7200);
        for (double t = 0; t <= total + 0.001; t += step)
        {
            yield return t;
        }
    }

    private static string Xml(string value) => SecurityElement.Escape(value) ?? string.Empty;
}
