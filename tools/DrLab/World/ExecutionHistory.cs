using System.Text.Json;

namespace DrLambdas.DrLab.World;

/// <summary>
/// What GetExecutionHistory answers for an execution: the events the drill recorded when it has them; otherwise
/// the events the lab itself knows, ExecutionStarted and, once stopped, the final Execution* event.
/// </summary>
internal static class ExecutionHistory
{
    public static IReadOnlyList<HistoryEvent> Of(Execution execution)
    {
        if (execution.History.Count > 0)
        {
            return execution.History;
        }

        var events = new List<HistoryEvent>
        {
            new(1, 0, "ExecutionStarted", execution.StartDate, "executionStartedEventDetails", Details(w =>
            {
                w.WriteString("input", execution.Input);
                WriteNotTruncated(w, "inputDetails");
            })),
        };
        if (execution.StopDate is not { } stop)
        {
            return events;
        }

        events.Add(execution.Status switch
        {
            "SUCCEEDED" => new HistoryEvent(2, 1, "ExecutionSucceeded", stop, "executionSucceededEventDetails", Details(w =>
            {
                w.WriteString("output", execution.Output ?? "null");
                WriteNotTruncated(w, "outputDetails");
            })),
            "TIMED_OUT" => new HistoryEvent(2, 1, "ExecutionTimedOut", stop, "executionTimedOutEventDetails", ErrorDetails(execution)),
            "ABORTED" => new HistoryEvent(2, 1, "ExecutionAborted", stop, "executionAbortedEventDetails", ErrorDetails(execution)),
            _ => new HistoryEvent(2, 1, "ExecutionFailed", stop, "executionFailedEventDetails", ErrorDetails(execution)),
        });
        return events;
    }

    private static JsonElement ErrorDetails(Execution execution) => Details(w =>
    {
        if (execution.Error is { } error)
        {
            w.WriteString("error", error);
        }

        if (execution.Cause is { } cause)
        {
            w.WriteString("cause", cause);
        }
    });

    private static void WriteNotTruncated(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        writer.WriteBoolean("truncated", false);
        writer.WriteEndObject();
    }

    private static JsonElement Details(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
