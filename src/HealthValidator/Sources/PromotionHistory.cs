using System.Text.Json;
using DrLambdas.Aws.StepFunctions;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// Whether a stopped failover execution promoted anything, from its <c>GetExecutionHistory</c>: <c>DescribeExecution</c>
/// has no output for a failed run. Nothing was promoted when the run never entered one of
/// <see cref="PromoteStartStates"/>, when <c>start</c> answered <c>AlreadyPrimary</c>, or when the last promoter
/// <c>status</c> says <c>NotPromoted</c>; anything else that entered one (a completed or <c>promoted: true</c> status,
/// a <c>Failed</c> one — an operation may still be under way — or a started promotion without a final status: Aurora
/// may still finish it) counts as a promotion. Rules: <c>docs/contracts.md</c> section 2a.
/// </summary>
internal static class PromotionHistory
{
    /// <summary>The failover machine's states that call AuroraPromoter <c>start</c> (failover, switchover).</summary>
    public static IReadOnlyList<string> PromoteStartStates { get; } = ["PromoteStart", "SwitchoverStart"];

    /// <summary>At most this many history pages (of 1000 events) are read.</summary>
    public const int MaxPages = 5;

    public static async Task<IReadOnlyList<HistoryEvent>> ReadAsync(IStepFunctionsClient client, string executionArn, CancellationToken cancellationToken)
    {
        var events = new List<HistoryEvent>();
        string? nextToken = null;
        var pages = 0;
        do
        {
            var page = await client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(executionArn, false, 1000, nextToken), cancellationToken);
            events.AddRange(page.Events);
            nextToken = page.NextToken;
        }
        while (nextToken is not null && ++pages < MaxPages);

        if (nextToken is not null)
        {
            throw new InvalidOperationException($"the history of {executionArn} has more than {MaxPages * 1000} events");
        }

        return events;
    }

    /// <summary>Whether the events (in any order) show a promotion, or the possibility of one.</summary>
    public static bool Promoted(IReadOnlyList<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.OrderBy(e => e.Id).ToList();
        if (!ordered.Any(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal) && PromoteStartStates.Contains(e.StateName, StringComparer.Ordinal)))
        {
            return false;
        }

        string? outcome = null;
        (string? Status, bool? Promoted)? lastStatus = null;
        foreach (var output in ordered.Select(e => e.Output).OfType<string>())
        {
            if (PromoterOutput(output) is not { } promoter)
            {
                continue;
            }

            if (Text(promoter, "outcome") is { } started)
            {
                outcome = started;
            }
            else if (Text(promoter, "status") is { } status)
            {
                lastStatus = (status, promoter.TryGetProperty("promoted", out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False ? flag.GetBoolean() : null);
            }
        }

        if (string.Equals(outcome, "AlreadyPrimary", StringComparison.Ordinal))
        {
            return false;
        }

        return lastStatus switch
        {
            { Promoted: true } => true,
            { Status: "Completed" } => true,
            { Status: "NotPromoted" } => false,
            _ => true,
        };
    }

    /// <summary>A promoter output: the function's own output, or the <c>promotion</c> section of a state's output.</summary>
    private static JsonElement? PromoterOutput(string output)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var candidate = root.TryGetProperty("promotion", out var section) && section.ValueKind == JsonValueKind.Object ? section : root;
            return candidate.TryGetProperty("targetClusterArn", out _) ? candidate.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
