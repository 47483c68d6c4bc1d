using System.Text.Json;

namespace DrLambdas.DrLab.World;

/// <summary>
/// One Step Functions history event (the API's HistoryEvent): its id, the id of the event before it, its type, when it
/// happened, and at most one <c>*EventDetails</c> object (<paramref name="DetailsName"/>, e.g. <c>stateEnteredEventDetails</c>).
/// </summary>
internal sealed record HistoryEvent(
    long Id, long PreviousEventId, string Type, DateTimeOffset Timestamp, string? DetailsName = null, JsonElement? Details = null);
