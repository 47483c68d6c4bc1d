using System.Globalization;
using System.Text.Json;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// Step Functions GetExecutionHistory: the execution's HistoryEvents oldest first (newest first with reverseOrder),
/// pages of maxResults (default 100, at most 1000) linked by nextToken; execution data (input, output) left out when
/// includeExecutionData is false.
/// </summary>
internal static class ExecutionHistoryOperation
{
    public static AwsReply Handle(AwsCall call, JsonElement body, WorldState world)
    {
        var execution = StepFunctionsService.RequireExecution(body, world);
        var pageSize = StepFunctionsService.PageSize(body);
        var reverse = JsonReplies.Bool(body, "reverseOrder") ?? false;
        var includeData = JsonReplies.Bool(body, "includeExecutionData") ?? true;
        var offset = StepFunctionsService.DecodeToken(JsonReplies.String(body, "nextToken"));
        var all = ExecutionHistory.Of(execution);
        var ordered = reverse ? all.Reverse() : all;
        var page = ordered.Skip(offset).Take(pageSize).ToList();
        var reply = JsonReplies.Write(call, w =>
        {
            w.WriteStartArray("events");
            foreach (var historyEvent in page)
            {
                Write(w, historyEvent, includeData);
            }

            w.WriteEndArray();
            if (offset + page.Count < all.Count)
            {
                w.WriteString("nextToken", StepFunctionsService.EncodeToken(offset + page.Count));
            }
        });
        return reply with { LogDetail = string.Create(CultureInfo.InvariantCulture, $"{page.Count} of {all.Count} events of {execution.Name}") };
    }

    private static void Write(Utf8JsonWriter w, HistoryEvent historyEvent, bool includeData)
    {
        w.WriteStartObject();
        JsonReplies.WriteTimestamp(w, "timestamp", historyEvent.Timestamp);
        w.WriteString("type", historyEvent.Type);
        w.WriteNumber("id", historyEvent.Id);
        w.WriteNumber("previousEventId", historyEvent.PreviousEventId);
        if (historyEvent is { DetailsName: { } name, Details: { } details })
        {
            w.WriteStartObject(name);
            foreach (var member in details.EnumerateObject()
                         .Where(m => includeData || !HistoryEventCatalog.DataMembers.Contains(m.Name)))
            {
                member.WriteTo(w);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
