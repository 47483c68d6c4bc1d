using DrLambdas.Aws.StepFunctions;

namespace DrLambdas.Aws.Tests.Integration;

[Collection(MotoServerGroup.Name)]
public sealed class StepFunctionsRoundTripTests(MotoServerFixture moto) : IDisposable
{
    private const string Region = "ap-northeast-1";
    private readonly AwsClientFactory _aws = new(moto.Options(Region));
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private async Task<string> CreateStateMachineAsync()
    {
        var created = await moto.Seeder.JsonAsync("states", Region, "AWSStepFunctions.CreateStateMachine", new Dictionary<string, string>
        {
            ["name"] = $"dr-failover-{_suffix}",
            ["definition"] = """{"StartAt":"Validate","States":{"Validate":{"Type":"Pass","End":true}}}""",
            ["roleArn"] = $"arn:aws:iam::{MotoSeeder.AccountId}:role/dr-state-machine",
        });
        return created.GetProperty("stateMachineArn").GetString()!;
    }

    [Fact]
    public async Task StartThenDescribe_NamedExecution_ReturnsItsInputAndStatus()
    {
        var stateMachineArn = await CreateStateMachineAsync();

        var started = await _aws.StepFunctions.StartExecutionAsync(stateMachineArn, """{"mode":"dry-run"}""", "incident-1");
        var execution = await _aws.StepFunctions.DescribeExecutionAsync(started.ExecutionArn);

        Assert.Equal($"arn:aws:states:{Region}:{MotoSeeder.AccountId}:execution:dr-failover-{_suffix}:incident-1", started.ExecutionArn);
        Assert.Equal((started.ExecutionArn, stateMachineArn, "incident-1"), (execution.ExecutionArn, execution.StateMachineArn, execution.Name));
        Assert.Equal("""{"mode":"dry-run"}""", execution.Input);
        Assert.NotEqual(StepFunctionsExecutionStatus.Unknown, execution.Status);
        Assert.Equal(started.StartDate.ToUnixTimeSeconds(), execution.StartDate.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task ListExecutions_TwoStarted_ListsBothAndFiltersByStatus()
    {
        var stateMachineArn = await CreateStateMachineAsync();
        var first = await _aws.StepFunctions.StartExecutionAsync(stateMachineArn, name: "incident-1");
        var second = await _aws.StepFunctions.StartExecutionAsync(stateMachineArn, name: "incident-2");
        var status = (await _aws.StepFunctions.DescribeExecutionAsync(first.ExecutionArn)).Status;

        var all = await _aws.StepFunctions.ListAllExecutionsAsync(stateMachineArn);
        var withStatus = await _aws.StepFunctions.ListAllExecutionsAsync(stateMachineArn, status);
        var otherStatus = await _aws.StepFunctions.ListAllExecutionsAsync(
            stateMachineArn, status == StepFunctionsExecutionStatus.Aborted ? StepFunctionsExecutionStatus.Failed : StepFunctionsExecutionStatus.Aborted);

        Assert.Equal([first.ExecutionArn, second.ExecutionArn], all.Select(e => e.ExecutionArn).Order());
        Assert.All(all, e => Assert.Equal(stateMachineArn, e.StateMachineArn));
        Assert.Equal(2, withStatus.Count);
        Assert.Empty(otherStatus);
    }

    [Fact]
    public async Task ListExecutions_PageSizeOne_ReturnsNextTokenThatReachesTheSecond()
    {
        var stateMachineArn = await CreateStateMachineAsync();
        await _aws.StepFunctions.StartExecutionAsync(stateMachineArn, name: "incident-1");
        await _aws.StepFunctions.StartExecutionAsync(stateMachineArn, name: "incident-2");

        var firstPage = await _aws.StepFunctions.ListExecutionsAsync(new ListExecutionsRequest(stateMachineArn, MaxResults: 1));
        var secondPage = await _aws.StepFunctions.ListExecutionsAsync(new ListExecutionsRequest(stateMachineArn, MaxResults: 1, NextToken: firstPage.NextToken));

        Assert.NotNull(firstPage.NextToken);
        Assert.Equal(["incident-1", "incident-2"], firstPage.Executions.Concat(secondPage.Executions).Select(e => e.Name).Order());
    }

    [Fact]
    public async Task StartExecution_SameNameDifferentInput_ThrowsExecutionAlreadyExists()
    {
        var stateMachineArn = await CreateStateMachineAsync();
        await _aws.StepFunctions.StartExecutionAsync(stateMachineArn, """{"n":1}""", "incident-1");

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => _aws.StepFunctions.StartExecutionAsync(stateMachineArn, """{"n":2}""", "incident-1"));

        Assert.Equal("ExecutionAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeExecution_Unknown_ThrowsExecutionDoesNotExist()
    {
        var stateMachineArn = await CreateStateMachineAsync();
        var missing = stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":missing";

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.StepFunctions.DescribeExecutionAsync(missing));

        Assert.Equal(("SFN", "ExecutionDoesNotExist", false), (error.Service, error.ErrorCode, error.IsRetryable));
    }

    public void Dispose() => _aws.Dispose();
}
