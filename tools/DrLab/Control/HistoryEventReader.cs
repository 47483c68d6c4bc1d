using System.Globalization;
using System.Text.Json;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>
/// Reads the <c>events</c> of an execution finish document: HistoryEvents exactly as GetExecutionHistory returns them
/// (id, previousEventId, type, timestamp in epoch seconds, at most one details object). Ids are 1, 2, 3… in order and
/// timestamps never go back; anything else is a problem and nothing is stored.
/// </summary>
internal static class HistoryEventReader
{
    private const int MaxProblems = 10;

    public static (IReadOnlyList<HistoryEvent> Events, IReadOnlyList<string> Problems) Read(IReadOnlyList<JsonElement> events)
    {
        var problems = new List<string>();
        if (events.Count > HistoryEventCatalog.MaxEvents)
        {
            return ([], [$"events has {events.Count} entries; an execution history holds at most {HistoryEventCatalog.MaxEvents}."]);
        }

        var read = new List<HistoryEvent>(events.Count);
        for (var index = 0; index < events.Count && problems.Count < MaxProblems; index++)
        {
            if (ReadOne(events[index], index + 1, read.Count > 0 ? read[^1].Timestamp : null, problems) is { } historyEvent)
            {
                read.Add(historyEvent);
            }
        }

        return problems.Count > 0 ? ([], problems) : (read, problems);
    }

    private static HistoryEvent? ReadOne(JsonElement element, long expectedId, DateTimeOffset? previousTimestamp, List<string> problems)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"events[{expectedId - 1}]");
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at} must be an object.");
            return null;
        }

        var count = problems.Count;
        long? id = null;
        long? previous = null;
        string? type = null;
        DateTimeOffset? timestamp = null;
        string? detailsName = null;
        JsonElement? details = null;
        foreach (var member in element.EnumerateObject())
        {
            switch (member.Name)
            {
                case "id" when member.Value.ValueKind == JsonValueKind.Number && member.Value.TryGetInt64(out var value):
                    id = value;
                    break;
                case "previousEventId" when member.Value.ValueKind == JsonValueKind.Number && member.Value.TryGetInt64(out var value):
                    previous = value;
                    break;
                case "type" when member.Value.ValueKind == JsonValueKind.String:
                    type = member.Value.GetString();
                    break;
                case "timestamp" when member.Value.ValueKind == JsonValueKind.Number:
                    timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(member.Value.GetDouble() * 1000));
                    break;
                case var name when HistoryEventCatalog.DetailsNames.Contains(name):
                    if (detailsName is not null)
                    {
                        problems.Add($"{at} has two details objects ({detailsName}, {name}); a HistoryEvent carries at most one.");
                    }

                    detailsName = name;
                    details = member.Value.Clone();
                    CheckDetails(member.Value, $"{at}.{name}", problems);
                    break;
                default:
                    problems.Add($"{at}.{member.Name} is not a HistoryEvent member of that type (id and previousEventId integers, type string, timestamp epoch seconds, one *EventDetails object).");
                    break;
            }
        }

        if (id != expectedId)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.id must be {expectedId}: events are numbered sequentially, starting at one."));
        }

        if (previous is < 0 || previous >= expectedId)
        {
            problems.Add($"{at}.previousEventId must name an earlier event (or be 0).");
        }

        if (type is null || !HistoryEventCatalog.Types.Contains(type))
        {
            problems.Add($"{at}.type must be a HistoryEventType, not '{type}'.");
        }

        if (timestamp is null)
        {
            problems.Add($"{at}.timestamp (epoch seconds) is required.");
        }
        else if (timestamp < previousTimestamp)
        {
            problems.Add($"{at}.timestamp is earlier than the event before it.");
        }

        return problems.Count > count
            ? null
            : new HistoryEvent(expectedId, previous ?? expectedId - 1, type!, timestamp!.Value, detailsName, details);
    }

    private static void CheckDetails(JsonElement details, string at, List<string> problems)
    {
        if (details.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at} must be an object.");
            return;
        }

        foreach (var member in details.EnumerateObject().Where(m => HistoryEventCatalog.JsonMembers.Contains(m.Name)))
        {
            if (member.Value.ValueKind != JsonValueKind.String || !IsJson(member.Value.GetString()!))
            {
                problems.Add($"{at}.{member.Name} must be a string of JSON text.");
            }
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
