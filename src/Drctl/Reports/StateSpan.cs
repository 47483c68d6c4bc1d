using DrLambdas.Aws.StepFunctions;

namespace DrLambdas.Drctl.Reports;

/// <summary>One state of an execution as its history shows it: entered, and exited unless it still runs.</summary>
/// <param name="Name">The state's name.</param>
/// <param name="EnteredAt">When it was entered.</param>
/// <param name="ExitedAt">When it was exited; null while it runs.</param>
/// <param name="Failure">The error of a failed task inside it, if any.</param>
internal sealed record StateSpan(string Name, DateTimeOffset EnteredAt, DateTimeOffset? ExitedAt, string? Failure)
{
    /// <summary>The spans of every state entered, in order.</summary>
    public static IReadOnlyList<StateSpan> FromHistory(IReadOnlyList<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var spans = new List<StateSpan>();
        foreach (var item in events)
        {
            if (item.Type.EndsWith("StateEntered", StringComparison.Ordinal) && item.StateName is { } entered)
            {
                spans.Add(new StateSpan(entered, item.Timestamp, null, null));
            }
            else if (item.Type.EndsWith("StateExited", StringComparison.Ordinal) && item.StateName is { } exited)
            {
                var index = spans.FindLastIndex(span => span.Name == exited && span.ExitedAt is null);
                if (index >= 0)
                {
                    spans[index] = spans[index] with { ExitedAt = item.Timestamp };
                }
            }
            else if (item.Error is { } error && spans.Count > 0 && spans[^1].ExitedAt is null)
            {
                spans[^1] = spans[^1] with { Failure = item.Cause is { Length: > 0 } cause ? $"{error}: {cause}" : error };
            }
        }

        return spans;
    }
}
