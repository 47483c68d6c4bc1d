using System.Text.Json;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Tests.Support;
using Moq;

namespace DrLambdas.Drctl.Tests.Commands;

public sealed class ApprovalCommandTests
{
    private const string Name = "alarm-7";
    private const string Token = "AAAAKgAAAAIAAAAA-token";
    private readonly DrctlHarness _drctl = new();
    private readonly string _arn = DrctlHarness.ExecutionArn(DrctlHarness.Failover, Name);

    public ApprovalCommandTests()
    {
        _drctl.Describe(new ExecutionDescription(_arn, DrctlHarness.Failover, Name, StepFunctionsExecutionStatus.Running, DrctlHarness.Now, null, "{}", null, null, null));
    }

    private void Request(string expiresAt) =>
        _drctl.Parameters.Setup(p => p.GetAsync(DrctlHarness.ApprovalPrefix + "/" + Name, true, It.IsAny<CancellationToken>()))
            .ReturnsAsync($$"""{"taskToken":"{{Token}}","executionArn":"{{_arn}}","requestedAt":"2026-12-03T04:58:00Z","expiresAt":"{{expiresAt}}","decision":"Escalate","reasons":["DataLossBeyondBudget"]}""");

    [Fact]
    public async Task Approve_WaitingExecution_SendsTaskSuccessWithTheApproverAndTheReason()
    {
        Request("2026-12-03T05:13:00Z");
        string? output = null;
        _drctl.StepFunctions.Setup(s => s.SendTaskSuccessAsync(Token, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string o, CancellationToken _) => output = o).Returns(Task.CompletedTask);

        var run = await _drctl.RunAsync("approve", Name, "--reason", "primary is gone, loss accepted");

        Assert.Equal(0, run.ExitCode);
        using var answer = JsonDocument.Parse(output!);
        Assert.Equal(DrctlHarness.Operator, answer.RootElement.GetProperty("approvedBy").GetString());
        Assert.Equal("primary is gone, loss accepted", answer.RootElement.GetProperty("reason").GetString());
        Assert.Contains("Approved alarm-7", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_WaitingExecution_SendsTaskFailureWithTheRejectionError()
    {
        Request("2026-12-03T05:13:00Z");
        string? cause = null;
        _drctl.StepFunctions.Setup(s => s.SendTaskFailureAsync(Token, "ApprovalRejected", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, string c, CancellationToken _) => cause = c).Returns(Task.CompletedTask);

        var run = await _drctl.RunAsync("reject", Name, "--reason", "false alarm");

        Assert.Equal(0, run.ExitCode);
        using var answer = JsonDocument.Parse(cause!);
        Assert.Equal(DrctlHarness.Operator, answer.RootElement.GetProperty("rejectedBy").GetString());
        Assert.Equal("false alarm", answer.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Approve_ExpiredRequest_OneLineAndNothingSent()
    {
        Request("2026-12-03T04:59:00Z");

        var run = await _drctl.RunAsync("approve", Name, "--reason", "go");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("drctl: the approval request of alarm-7 expired at 2026-12-03T04:59:00.000Z; the execution ends without acting.\n", run.Error.ReplaceLineEndings("\n"));
        _drctl.StepFunctions.Verify(s => s.SendTaskSuccessAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Approve_TokenTimedOutAtStepFunctions_OneLine()
    {
        Request("2026-12-03T05:13:00Z");
        _drctl.StepFunctions.Setup(s => s.SendTaskSuccessAsync(Token, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(DrctlHarness.AwsError("SFN", "SendTaskSuccess", "TaskTimedOut", "Task Timed Out"));

        var run = await _drctl.RunAsync("approve", Name, "--reason", "go");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("drctl: the approval request of alarm-7 is no longer open (TaskTimedOut): it expired or was already answered.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Approve_ExecutionNotWaiting_OneLine()
    {
        var run = await _drctl.RunAsync("approve", Name, "--reason", "go");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"drctl: execution alarm-7 is not waiting for approval (no request at {DrctlHarness.ApprovalPrefix}/alarm-7).\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Approve_NoReadAccessToTheToken_OneLineNamingTheAction()
    {
        _drctl.Parameters.Setup(p => p.GetAsync(It.IsAny<string>(), true, It.IsAny<CancellationToken>()))
            .ThrowsAsync(DrctlHarness.AwsError("SSM", "GetParameter", "AccessDeniedException",
                "User: arn:aws:sts::111122223333:assumed-role/ReadOnly/bob is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:ap-northeast-1:111122223333:parameter/drlambdas/dr/approvals/alarm-7"));

        var run = await _drctl.RunAsync("approve", Name, "--reason", "go");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("drctl: missing permission ssm:GetParameter ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Approve_UnknownExecution_OneLine()
    {
        var run = await _drctl.RunAsync("approve", "nobody", "--reason", "go");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("drctl: unknown execution 'nobody'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_WithoutReason_UsageErrorSixtyFour()
    {
        var run = await _drctl.RunAsync("approve", Name);

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("--reason", run.Error, StringComparison.Ordinal);
    }
}
