using System.Net;
using System.Text.Json;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.StepFunctions;

public sealed class StepFunctionsClientTests : IDisposable
{
    private const string StateMachineArn = "arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover";
    private const string ExecutionArn = "arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:incident-41";
    private readonly TestAws _aws = new();

    [Fact]
    public async Task StartExecution_NameAndInput_PostsJsonWithTargetHeader()
    {
        _aws.Handler.RespondJson(TestAws.Fixture("sfn-start-execution.json"));

        await _aws.Factory.StepFunctions.StartExecutionAsync(StateMachineArn, """{"mode":"failover"}""", "incident-42");

        var request = _aws.SingleRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://states.ap-northeast-1.amazonaws.com/", request.Uri.ToString());
        Assert.Equal("AWSStepFunctions.StartExecution", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.0", request.Header("Content-Type"));
        Assert.Contains("/ap-northeast-1/states/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        AssertJson("""{"stateMachineArn":"arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover","name":"incident-42","input":"{\"mode\":\"failover\"}"}""", request.Body);
    }

    [Fact]
    public async Task StartExecution_Fixture_ParsesArnAndEpochStartDate()
    {
        _aws.Handler.RespondJson(TestAws.Fixture("sfn-start-execution.json"));

        var result = await _aws.Factory.StepFunctions.StartExecutionAsync(StateMachineArn);

        Assert.Equal("arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:incident-42", result.ExecutionArn);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 5, 123, TimeSpan.Zero), result.StartDate);
        AssertJson("""{"stateMachineArn":"arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover"}""", _aws.SingleRequest.Body);
    }

    [Fact]
    public async Task StartExecution_InputNotJson_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.StepFunctions.StartExecutionAsync(StateMachineArn, "{not json"));

        Assert.Empty(_aws.Handler.Requests);
    }

    [Fact]
    public async Task ListExecutions_StatusFilterAndToken_PostsWireStatusName()
    {
        _aws.Handler.RespondJson(TestAws.Fixture("sfn-list-executions.json"));

        await _aws.Factory.StepFunctions.ListExecutionsAsync(new ListExecutionsRequest(StateMachineArn, StepFunctionsExecutionStatus.TimedOut, 10, "tok"));

        var request = _aws.SingleRequest;
        Assert.Equal("AWSStepFunctions.ListExecutions", request.Header("X-Amz-Target"));
        AssertJson($$"""{"stateMachineArn":"{{StateMachineArn}}","statusFilter":"TIMED_OUT","maxResults":10,"nextToken":"tok"}""", request.Body);
    }

    [Fact]
    public async Task ListExecutions_Fixture_ParsesExecutionsAndNextToken()
    {
        _aws.Handler.RespondJson(TestAws.Fixture("sfn-list-executions.json"));

        var page = await _aws.Factory.StepFunctions.ListExecutionsAsync(new ListExecutionsRequest(StateMachineArn));

        Assert.Equal("AAAAKgAAAAIAAAAAAAAAAQ", page.NextToken);
        Assert.Equal(2, page.Executions.Count);
        Assert.Equal(("incident-42", StepFunctionsExecutionStatus.Running, (DateTimeOffset?)null), (page.Executions[0].Name, page.Executions[0].Status, page.Executions[0].StopDate));
        Assert.Equal(StepFunctionsExecutionStatus.TimedOut, page.Executions[1].Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_795_640_900_500), page.Executions[1].StopDate);
        Assert.Equal(StateMachineArn, page.Executions[1].StateMachineArn);
    }

    [Fact]
    public async Task ListAllExecutions_TwoPages_PassesTokenAndConcatenates()
    {
        _aws.Handler.RespondJson(TestAws.Fixture("sfn-list-executions.json"))
            .RespondJson(TestAws.Fixture("sfn-list-executions.json").Replace("\"nextToken\": \"AAAAKgAAAAIAAAAAAAAAAQ\"", "\"nextToken\": null", StringComparison.Ordinal));

        var all = await _aws.Factory.StepFunctions.ListAllExecutionsAsync(StateMachineArn, StepFunctionsExecutionStatus.Running);

        Assert.Equal(4, all.Count);
        Assert.Contains("\"nextToken\":\"AAAAKgAAAAIAAAAAAAAAAQ\"", _aws.Handler.Requests[1].Body, StringComparison.Ordinal);
        Assert.Contains("\"statusFilter\":\"RUNNING\"", _aws.Handler.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeExecution_Fixture_ParsesStatusInputErrorAndCause()
    {
        _aws.Handler.RespondJson(TestAws.Fixture("sfn-describe-execution.json"));

        var execution = await _aws.Factory.StepFunctions.DescribeExecutionAsync(ExecutionArn);

        AssertJson($$"""{"executionArn":"{{ExecutionArn}}"}""", _aws.SingleRequest.Body);
        Assert.Equal("AWSStepFunctions.DescribeExecution", _aws.SingleRequest.Header("X-Amz-Target"));
        Assert.Equal(StepFunctionsExecutionStatus.Failed, execution.Status);
        Assert.Equal("""{"mode":"failover"}""", execution.Input);
        Assert.Null(execution.Output);
        Assert.Equal(("AwsServiceException", "RDS FailoverGlobalCluster failed"), (execution.Error, execution.Cause));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_795_640_000), execution.StartDate);
    }

    [Fact]
    public async Task DescribeStateMachine_Active_SendsTheArnAndReadsStatusAndType()
    {
        _aws.Handler.RespondJson($$"""{"stateMachineArn":"{{StateMachineArn}}","name":"dr-failover","status":"ACTIVE","type":"STANDARD","definition":"{}","roleArn":"arn:aws:iam::111122223333:role/r","creationDate":1795640000}""");

        var machine = await _aws.Factory.StepFunctions.DescribeStateMachineAsync(StateMachineArn);

        AssertJson($$"""{"stateMachineArn":"{{StateMachineArn}}"}""", _aws.SingleRequest.Body);
        Assert.Equal("AWSStepFunctions.DescribeStateMachine", _aws.SingleRequest.Header("X-Amz-Target"));
        Assert.Equal(("dr-failover", "ACTIVE", "STANDARD"), (machine.Name, machine.Status, machine.Type));
    }

    [Fact]
    public async Task DescribeExecution_UnknownStatus_MapsToUnknown()
    {
        _aws.Handler.RespondJson(TestAws.Fixture("sfn-describe-execution.json").Replace("\"FAILED\"", "\"PAUSED\"", StringComparison.Ordinal));

        var execution = await _aws.Factory.StepFunctions.DescribeExecutionAsync(ExecutionArn);

        Assert.Equal(StepFunctionsExecutionStatus.Unknown, execution.Status);
    }

    [Fact]
    public async Task DescribeExecution_IsoTimestamps_AreAcceptedToo()
    {
        _aws.Handler.RespondJson(TestAws.Fixture("sfn-describe-execution.json")
            .Replace("\"startDate\": 1795640000", "\"startDate\": \"2026-11-25T20:53:20.000Z\"", StringComparison.Ordinal));

        var execution = await _aws.Factory.StepFunctions.DescribeExecutionAsync(ExecutionArn);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_795_640_000), execution.StartDate);
    }

    [Fact]
    public async Task DescribeExecution_ExecutionDoesNotExist_ThrowsShortCodeFromType()
    {
        _aws.Handler.Respond(
            HttpStatusCode.BadRequest, TestAws.Fixture("sfn-error-execution-does-not-exist.json"), "application/x-amz-json-1.0",
            ("x-amzn-RequestId", "6a7b8c9d-0e1f-4a2b-3c4d-5e6f7a8b9c0d"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Factory.StepFunctions.DescribeExecutionAsync(ExecutionArn));

        Assert.Equal(("SFN", "DescribeExecution", "ExecutionDoesNotExist"), (error.Service, error.Operation, error.ErrorCode));
        Assert.StartsWith("Execution Does Not Exist", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("6a7b8c9d-0e1f-4a2b-3c4d-5e6f7a8b9c0d", error.RequestId);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task DescribeExecution_BodyMissingRequiredField_ThrowsInvalidResponse()
    {
        _aws.Handler.RespondJson("""{"status":"RUNNING"}""");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Factory.StepFunctions.DescribeExecutionAsync(ExecutionArn));

        Assert.Equal(AwsClientErrorCodes.InvalidResponse, error.ErrorCode);
    }

    [Fact]
    public async Task ListExecutions_UnknownStatusFilter_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _aws.Factory.StepFunctions.ListExecutionsAsync(
            new ListExecutionsRequest(StateMachineArn, StepFunctionsExecutionStatus.Unknown)));

        Assert.Empty(_aws.Handler.Requests);
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(expected)), JsonSerializer.Serialize(JsonDocument.Parse(actual)));

    public void Dispose() => _aws.Dispose();
}
