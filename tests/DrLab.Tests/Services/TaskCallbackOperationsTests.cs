using System.Text;
using System.Text.Json;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Services;

public class TaskCallbackOperationsTests
{
    private const string Definition = """{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}""";
    private const string Role = "arn:aws:iam::111122223333:role/drlambdas-failover";
    private static readonly StepFunctionsService States = new();

    [Fact]
    public void SendTaskSuccess_WaitingTask_RecordsTheOutput()
    {
        var (lab, token) = Waiting();

        Send(lab, "SendTaskSuccess", token, ""","output":"{\"approved\":true}" """);

        var task = lab.Run(s => s.Callbacks.Find(token))!;
        Assert.Equal((CallbackTaskRegistry.Succeeded, """{"approved":true}"""), (task.Status, task.Output));
    }

    [Fact]
    public void SendTaskSuccess_SecondCallback_TaskTimedOut()
    {
        var (lab, token) = Waiting();
        Send(lab, "SendTaskSuccess", token, ""","output":"{}" """);

        var error = Assert.Throws<LabError>(() => Send(lab, "SendTaskFailure", token, ""","error":"Late" """));

        Assert.Equal("TaskTimedOut", error.Code);
    }

    [Fact]
    public void SendTaskHeartbeat_ExecutionStopped_TaskTimedOut()
    {
        var (lab, token) = Waiting();
        lab.Run(s =>
        {
            ExecutionRegistry.Finish(s.Executions.All[0], "ABORTED", s.Now, null, null, null);
            return 0;
        });

        var error = Assert.Throws<LabError>(() => Send(lab, "SendTaskHeartbeat", token));

        Assert.Equal("TaskTimedOut", error.Code);
    }

    [Fact]
    public void SendTaskSuccess_ClosedByTimeout_TaskTimedOut()
    {
        var (lab, token) = Waiting();
        lab.Run(s => s.Callbacks.Close(token, s.Now));

        var error = Assert.Throws<LabError>(() => Send(lab, "SendTaskSuccess", token, ""","output":"{}" """));

        Assert.Equal("TaskTimedOut", error.Code);
    }

    [Fact]
    public void SendTaskSuccess_WellFormedTokenNeverIssued_TaskDoesNotExist()
    {
        var (lab, _) = Waiting();

        var error = Assert.Throws<LabError>(() => Send(lab, "SendTaskSuccess", NewToken(), ""","output":"{}" """));

        Assert.Equal("TaskDoesNotExist", error.Code);
    }

    [Fact]
    public void SendTaskFailure_MalformedToken_InvalidToken()
    {
        var (lab, _) = Waiting();

        var error = Assert.Throws<LabError>(() => Send(lab, "SendTaskFailure", "AAAA"));

        Assert.Equal("InvalidToken", error.Code);
    }

    [Fact]
    public void SendTaskSuccess_OutputNotJson_InvalidOutputAndStillWaiting()
    {
        var (lab, token) = Waiting();

        var error = Assert.Throws<LabError>(() => Send(lab, "SendTaskSuccess", token, ""","output":"{nope" """));

        Assert.Equal("InvalidOutput", error.Code);
        Assert.Equal(CallbackTaskRegistry.Waiting, lab.Run(s => s.Callbacks.Find(token))!.Status);
    }

    [Fact]
    public void SendTaskFailure_ErrorLongerThan256_ValidationException()
    {
        var (lab, token) = Waiting();

        var error = Assert.Throws<LabError>(() => Send(lab, "SendTaskFailure", token, $$""","error":"{{new string('e', 257)}}" """));

        Assert.Equal("ValidationException", error.Code);
    }

    [Fact]
    public void Register_ExecutionNotRunning_Refused()
    {
        var (lab, _) = Waiting();
        lab.Run(s =>
        {
            ExecutionRegistry.Finish(s.Executions.All[0], "SUCCEEDED", s.Now, "{}", null, null);
            return 0;
        });

        var error = Assert.Throws<LabError>(() => lab.Run(s => s.Callbacks.Register(NewToken(), s.Executions.All[0].Arn, "AwaitApproval", s.Now)));

        Assert.Equal("ExecutionAlreadyFinished", error.Code);
    }

    private static string NewToken() =>
        Convert.ToBase64String([.. Encoding.ASCII.GetBytes(CallbackTaskRegistry.TokenPrefix), .. new byte[88]]);

    private static (LabFixture Lab, string Token) Waiting()
    {
        var lab = new LabFixture();
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = "dr-failover", ["definition"] = Definition, ["roleArn"] = Role });
        var machine = JsonDocument.Parse(lab.Json(States, LabFixture.Secondary, "CreateStateMachine", body).Body).RootElement.GetProperty("stateMachineArn").GetString()!;
        var started = lab.Json(States, LabFixture.Secondary, "StartExecution", $$"""{"stateMachineArn":"{{machine}}","name":"approval-1"}""");
        var executionArn = JsonDocument.Parse(started.Body).RootElement.GetProperty("executionArn").GetString()!;
        var token = Convert.ToBase64String([.. Encoding.ASCII.GetBytes(CallbackTaskRegistry.TokenPrefix), .. Enumerable.Range(0, 88).Select(i => (byte)i)]);
        lab.Run(s => s.Callbacks.Register(token, executionArn, "AwaitApproval", s.Now));
        return (lab, token);
    }

    private static void Send(LabFixture lab, string operation, string token, string more = "") =>
        lab.Json(States, LabFixture.Secondary, operation, $$"""{"taskToken":"{{token}}"{{more}}}""");
}
