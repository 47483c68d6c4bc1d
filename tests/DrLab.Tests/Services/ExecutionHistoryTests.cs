using System.Text.Json;
using DrLambdas.DrLab.Control;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Services;

public class ExecutionHistoryTests
{
    private const string Definition = """{"StartAt":"PromoteStart","States":{"PromoteStart":{"Type":"Succeed"}}}""";
    private const string Role = "arn:aws:iam::111122223333:role/drlambdas-failover";
    private static readonly StepFunctionsService States = new();

    private static readonly string RecordedEvents = """
        [
          {"id":1,"previousEventId":0,"type":"ExecutionStarted","timestamp":1772323200.0,"executionStartedEventDetails":{"input":"{\"mode\":\"failover\"}","inputDetails":{"truncated":false}}},
          {"id":2,"previousEventId":1,"type":"TaskStateEntered","timestamp":1772323200.01,"stateEnteredEventDetails":{"name":"PromoteStart","input":"{}","inputDetails":{"truncated":false}}},
          {"id":3,"previousEventId":2,"type":"LambdaFunctionSucceeded","timestamp":1772323200.2,"lambdaFunctionSucceededEventDetails":{"output":"{\"targetClusterArn\":\"c\",\"outcome\":\"Started\"}","outputDetails":{"truncated":false}}},
          {"id":4,"previousEventId":3,"type":"TaskStateExited","timestamp":1772323200.21,"stateExitedEventDetails":{"name":"PromoteStart","output":"{}","outputDetails":{"truncated":false}}},
          {"id":5,"previousEventId":4,"type":"ExecutionFailed","timestamp":1772323201.5,"executionFailedEventDetails":{"error":"PromotionTimedOut","cause":"Step PromoteStatus failed"}}
        ]
        """;

    [Fact]
    public void GetExecutionHistory_UnknownExecution_ExecutionDoesNotExist()
    {
        var lab = new LabFixture();
        var machine = Create(lab);

        var error = Assert.Throws<LabError>(() => History(lab, ExecutionRegistry.ExecutionArn(machine, "never")));

        Assert.Equal("ExecutionDoesNotExist", error.Code);
    }

    [Fact]
    public void GetExecutionHistory_NotAnExecutionArn_InvalidArn()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => History(lab, Create(lab)));

        Assert.Equal("InvalidArn", error.Code);
    }

    [Fact]
    public void GetExecutionHistory_RunningWithoutRecordedEvents_ExecutionStartedWithItsInput()
    {
        var lab = new LabFixture();
        var arn = Start(lab, Create(lab), "run-1");

        var events = History(lab, arn).GetProperty("events");

        var started = Assert.Single(events.EnumerateArray());
        Assert.Equal("ExecutionStarted", started.GetProperty("type").GetString());
        Assert.Equal(1, started.GetProperty("id").GetInt64());
        Assert.Equal(0, started.GetProperty("previousEventId").GetInt64());
        Assert.Equal("""{"mode":"failover"}""", started.GetProperty("executionStartedEventDetails").GetProperty("input").GetString());
        Assert.Equal(lab.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0, started.GetProperty("timestamp").GetDouble());
    }

    [Fact]
    public void GetExecutionHistory_FailedWithoutRecordedEvents_EndsWithExecutionFailed()
    {
        var lab = new LabFixture();
        var arn = Start(lab, Create(lab), "run-1");
        lab.Run(s =>
        {
            ExecutionRegistry.Finish(s.Executions.Find(arn)!, "FAILED", s.Now, null, "PromotionTimedOut", "too slow");
            return 0;
        });

        var last = History(lab, arn).GetProperty("events").EnumerateArray().Last();

        Assert.Equal("ExecutionFailed", last.GetProperty("type").GetString());
        Assert.Equal("PromotionTimedOut", last.GetProperty("executionFailedEventDetails").GetProperty("error").GetString());
        Assert.Equal("too slow", last.GetProperty("executionFailedEventDetails").GetProperty("cause").GetString());
    }

    [Fact]
    public void GetExecutionHistory_RecordedEvents_ServedInOrderWithTheirDetails()
    {
        var lab = new LabFixture();
        var arn = Recorded(lab);

        var events = History(lab, arn).GetProperty("events").EnumerateArray().ToList();

        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionFailed"],
            events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(1772323200.2, events[2].GetProperty("timestamp").GetDouble());
        Assert.Equal("PromoteStart", events[1].GetProperty("stateEnteredEventDetails").GetProperty("name").GetString());
        Assert.Equal("""{"targetClusterArn":"c","outcome":"Started"}""",
            events[2].GetProperty("lambdaFunctionSucceededEventDetails").GetProperty("output").GetString());
    }

    [Fact]
    public void GetExecutionHistory_ReverseOrder_NewestFirst()
    {
        var lab = new LabFixture();
        var arn = Recorded(lab);

        var events = History(lab, arn, """, "reverseOrder": true""").GetProperty("events").EnumerateArray();

        Assert.Equal([5L, 4, 3, 2, 1], events.Select(e => e.GetProperty("id").GetInt64()));
    }

    [Fact]
    public void GetExecutionHistory_MaxResults_PagesLinkedByNextToken()
    {
        var lab = new LabFixture();
        var arn = Recorded(lab);

        var first = History(lab, arn, """, "maxResults": 3""");
        var token = first.GetProperty("nextToken").GetString();
        var second = History(lab, arn, $$""", "maxResults": 3, "nextToken": "{{token}}" """);

        Assert.Equal([1L, 2, 3], first.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal([4L, 5], second.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        Assert.False(second.TryGetProperty("nextToken", out _));
    }

    [Fact]
    public void GetExecutionHistory_ExcludingExecutionData_KeepsNamesDropsInputAndOutput()
    {
        var lab = new LabFixture();
        var arn = Recorded(lab);

        var events = History(lab, arn, """, "includeExecutionData": false""").GetProperty("events").EnumerateArray().ToList();

        var entered = events[1].GetProperty("stateEnteredEventDetails");
        Assert.Equal("PromoteStart", entered.GetProperty("name").GetString());
        Assert.False(entered.TryGetProperty("input", out _));
        Assert.False(events[2].GetProperty("lambdaFunctionSucceededEventDetails").TryGetProperty("output", out _));
    }

    [Theory]
    [InlineData("""{"executionArn":"arn:aws:states:ap-northeast-1:111122223333:execution:m:x","maxResults":1001}""", "ValidationException")]
    [InlineData("""{"executionArn":"arn:aws:states:ap-northeast-1:111122223333:execution:m:x","nextToken":"bm90IG91cnM="}""", "InvalidToken")]
    [InlineData("""{"executionArn":"arn:aws:states:ap-northeast-1:111122223333:execution:m:x","reverseOrder":"yes"}""", "SerializationException")]
    public void GetExecutionHistory_BadParameters_TypedError(string body, string code)
    {
        var lab = new LabFixture();
        var machine = Create(lab, "m");
        Start(lab, machine, "x");

        var error = Assert.Throws<LabError>(() => lab.Json(States, LabFixture.Secondary, "GetExecutionHistory", body));

        Assert.Equal(code, error.Code);
    }

    private static JsonElement History(LabFixture lab, string executionArn, string extra = "") =>
        JsonDocument.Parse(lab.Json(States, LabFixture.Secondary, "GetExecutionHistory", $$"""{"executionArn":"{{executionArn}}"{{extra}}}""").Body).RootElement.Clone();

    private static string Recorded(LabFixture lab)
    {
        var arn = Start(lab, Create(lab), "run-1");
        using var document = JsonDocument.Parse(RecordedEvents);
        var (events, problems) = HistoryEventReader.Read(document.RootElement.EnumerateArray().ToList());
        Assert.Empty(problems);
        lab.Run(s =>
        {
            var execution = s.Executions.Find(arn)!;
            ExecutionRegistry.Finish(execution, "FAILED", s.Now, null, "PromotionTimedOut", "Step PromoteStatus failed");
            execution.History = events;
            return 0;
        });
        return arn;
    }

    private static string Start(LabFixture lab, string machine, string name)
    {
        var reply = lab.Json(States, LabFixture.Secondary, "StartExecution",
            $$"""{"stateMachineArn":"{{machine}}","name":"{{name}}","input":"{\"mode\":\"failover\"}"}""");
        return JsonDocument.Parse(reply.Body).RootElement.GetProperty("executionArn").GetString()!;
    }

    private static string Create(LabFixture lab, string name = "dr-failover")
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = name, ["definition"] = Definition, ["roleArn"] = Role });
        var reply = lab.Json(States, LabFixture.Secondary, "CreateStateMachine", body);
        return JsonDocument.Parse(reply.Body).RootElement.GetProperty("stateMachineArn").GetString()!;
    }
}
