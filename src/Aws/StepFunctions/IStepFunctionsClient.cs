namespace DrLambdas.Aws.StepFunctions;

/// <summary>The Step Functions operations used to start the DR state machines and to see what already runs.</summary>
public interface IStepFunctionsClient
{
    /// <summary>Starts an execution; <paramref name="name"/> (optional) makes the start idempotent for 90 days.</summary>
    Task<StartExecutionResult> StartExecutionAsync(
        string stateMachineArn, string? input = null, string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of executions, newest first.</summary>
    Task<ExecutionPage> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Describes one execution, including its input, output and error.</summary>
    Task<ExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default);

    /// <summary>Describes a state machine: whether it exists and is active, without its definition's details.</summary>
    Task<StateMachineDescription> DescribeStateMachineAsync(string stateMachineArn, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of an execution's history events (with their data).</summary>
    Task<ExecutionHistoryPage> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Completes a <c>.waitForTaskToken</c> task with <paramref name="output"/> (JSON) as its result.</summary>
    Task SendTaskSuccessAsync(string taskToken, string output, CancellationToken cancellationToken = default);

    /// <summary>Fails a <c>.waitForTaskToken</c> task with an error name (at most 256 characters) and a cause (at most 32768).</summary>
    Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken = default);
}
