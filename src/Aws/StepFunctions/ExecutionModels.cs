namespace DrLambdas.Aws.StepFunctions;

/// <summary>Result of <c>StartExecution</c>.</summary>
/// <param name="ExecutionArn">The new execution's ARN.</param>
/// <param name="StartDate">When it started.</param>
public sealed record StartExecutionResult(string ExecutionArn, DateTimeOffset StartDate);

/// <summary>Input of <c>ListExecutions</c>.</summary>
/// <param name="StateMachineArn">The state machine whose executions to list.</param>
/// <param name="StatusFilter">Only executions with this status; <see cref="StepFunctionsExecutionStatus.Unknown"/> is not allowed.</param>
/// <param name="MaxResults">Page size 1-1000 (service default 100).</param>
/// <param name="NextToken">The previous page's token.</param>
public sealed record ListExecutionsRequest(
    string StateMachineArn,
    StepFunctionsExecutionStatus? StatusFilter = null,
    int? MaxResults = null,
    string? NextToken = null);

/// <summary>One execution in a listing.</summary>
/// <param name="ExecutionArn">The execution's ARN.</param>
/// <param name="StateMachineArn">Its state machine.</param>
/// <param name="Name">The execution name.</param>
/// <param name="Status">Its status.</param>
/// <param name="StartDate">When it started.</param>
/// <param name="StopDate">When it stopped; null while running.</param>
public sealed record ExecutionSummary(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    StepFunctionsExecutionStatus Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate);

/// <summary>One page of executions.</summary>
/// <param name="Executions">The executions of this page.</param>
/// <param name="NextToken">Token for the next page; null on the last page.</param>
public sealed record ExecutionPage(IReadOnlyList<ExecutionSummary> Executions, string? NextToken);

/// <summary>Result of <c>DescribeExecution</c>.</summary>
/// <param name="ExecutionArn">The execution's ARN.</param>
/// <param name="StateMachineArn">Its state machine.</param>
/// <param name="Name">The execution name.</param>
/// <param name="Status">Its status.</param>
/// <param name="StartDate">When it started.</param>
/// <param name="StopDate">When it stopped; null while running.</param>
/// <param name="Input">The input JSON.</param>
/// <param name="Output">The output JSON, once succeeded.</param>
/// <param name="Error">The error name, once failed.</param>
/// <param name="Cause">The error cause, once failed.</param>
public sealed record ExecutionDescription(
    string ExecutionArn,
    string StateMachineArn,
    string? Name,
    StepFunctionsExecutionStatus Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string? Input,
    string? Output,
    string? Error,
    string? Cause);

/// <summary>Input of <c>GetExecutionHistory</c>.</summary>
/// <param name="ExecutionArn">The execution whose events to read.</param>
/// <param name="ReverseOrder">Newest events first.</param>
/// <param name="MaxResults">Page size 1-1000 (service default 100).</param>
/// <param name="NextToken">The previous page's token.</param>
public sealed record GetExecutionHistoryRequest(
    string ExecutionArn,
    bool ReverseOrder = false,
    int? MaxResults = null,
    string? NextToken = null);

/// <summary>
/// One history event, flattened: the state it names (<c>stateEnteredEventDetails</c> or <c>stateExitedEventDetails</c>)
/// and the output it carries (a state's, a task's or a Lambda function's).
/// </summary>
/// <param name="Id">The event id.</param>
/// <param name="Type">The event type, e.g. <c>TaskStateEntered</c>, <c>LambdaFunctionSucceeded</c>.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="StateName">The state entered or exited, if any.</param>
/// <param name="Output">The JSON output it carries, if any.</param>
/// <param name="Error">The error name of a failure, time-out or abort event.</param>
/// <param name="Cause">The cause of that failure.</param>
public sealed record HistoryEvent(
    long Id, string Type, DateTimeOffset Timestamp, string? StateName, string? Output, string? Error = null, string? Cause = null);

/// <summary>One page of history events.</summary>
/// <param name="Events">The events of this page.</param>
/// <param name="NextToken">Token for the next page; null on the last page.</param>
public sealed record ExecutionHistoryPage(IReadOnlyList<HistoryEvent> Events, string? NextToken);

/// <summary>Result of <c>DescribeStateMachine</c>, the parts that say whether it can run.</summary>
/// <param name="StateMachineArn">The state machine's ARN.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status"><c>ACTIVE</c> or <c>DELETING</c>; null when not reported.</param>
/// <param name="Type"><c>STANDARD</c> or <c>EXPRESS</c>.</param>
public sealed record StateMachineDescription(string StateMachineArn, string Name, string? Status, string? Type);
