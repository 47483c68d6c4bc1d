using System.Text.Json;
using DrLambdas.DrLab.Control;

namespace DrLambdas.DrLab.Tests.Control;

public class HistoryEventReaderTests
{
    private const string Started = """{"id":1,"previousEventId":0,"type":"ExecutionStarted","timestamp":100.5,"executionStartedEventDetails":{"input":"{}"}}""";

    [Fact]
    public void Read_ValidEvents_KeepsIdsTypesTimestampsAndDetails()
    {
        var (events, problems) = Read(Started, """{"id":2,"previousEventId":1,"type":"PassStateEntered","timestamp":100.75,"stateEnteredEventDetails":{"name":"Init","input":"{\"a\":1}"}}""");

        Assert.Empty(problems);
        Assert.Equal([1L, 2], events.Select(e => e.Id));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(100_750), events[1].Timestamp);
        Assert.Equal("stateEnteredEventDetails", events[1].DetailsName);
        Assert.Equal("Init", events[1].Details!.Value.GetProperty("name").GetString());
    }

    [Fact]
    public void Read_PreviousEventIdAbsent_IsTheEventBefore()
    {
        var (events, _) = Read(Started, """{"id":2,"type":"PassStateEntered","timestamp":101}""");

        Assert.Equal(1, events[1].PreviousEventId);
    }

    [Theory]
    [InlineData("""{"id":3,"previousEventId":1,"type":"PassStateEntered","timestamp":101}""", "events[1].id must be 2")]
    [InlineData("""{"id":2,"previousEventId":2,"type":"PassStateEntered","timestamp":101}""", "previousEventId")]
    [InlineData("""{"id":2,"previousEventId":1,"type":"TaskStarting","timestamp":101}""", "HistoryEventType")]
    [InlineData("""{"id":2,"previousEventId":1,"type":"PassStateEntered","timestamp":99}""", "earlier than the event before")]
    [InlineData("""{"id":2,"previousEventId":1,"type":"PassStateEntered","timestamp":"2026-03-01T00:00:00Z"}""", "timestamp (epoch seconds)")]
    [InlineData("""{"id":2,"previousEventId":1,"type":"PassStateEntered","timestamp":101,"stateEnteredEventDetails":{"name":"A","input":"{not json"}}""", "JSON text")]
    [InlineData("""{"id":2,"previousEventId":1,"type":"TaskStateExited","timestamp":101,"stateEnteredEventDetails":{},"stateExitedEventDetails":{}}""", "two details objects")]
    [InlineData("""{"id":2,"previousEventId":1,"type":"PassStateEntered","timestamp":101,"details":{}}""", "not a HistoryEvent member")]
    public void Read_InvalidEvent_ProblemNamesItAndNothingIsRead(string second, string problem)
    {
        var (events, problems) = Read(Started, second);

        Assert.Empty(events);
        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    private static (IReadOnlyList<DrLab.World.HistoryEvent> Events, IReadOnlyList<string> Problems) Read(params string[] events)
    {
        using var document = JsonDocument.Parse("[" + string.Join(',', events) + "]");
        return HistoryEventReader.Read(document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList());
    }
}
