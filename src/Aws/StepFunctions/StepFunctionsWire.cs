using System.Text.Json.Serialization;

namespace DrLambdas.Aws.StepFunctions;

/// <summary>The awsJson request and response bodies exactly as on the wire.</summary>
internal sealed record StartExecutionInput(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("input")] string? Input = null);

internal sealed record StartExecutionOutput(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("startDate")] DateTimeOffset StartDate);

internal sealed record ListExecutionsInput(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("statusFilter")] string? StatusFilter = null,
    [property: JsonPropertyName("maxResults")] int? MaxResults = null,
    [property: JsonPropertyName("nextToken")] string? NextToken = null);

internal sealed record ListExecutionsOutput(
    [property: JsonPropertyName("executions")] IReadOnlyList<ExecutionListItem>? Executions = null,
    [property: JsonPropertyName("nextToken")] string? NextToken = null);

internal sealed record ExecutionListItem(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("startDate")] DateTimeOffset StartDate,
    [property: JsonPropertyName("stopDate")] DateTimeOffset? StopDate = null);

internal sealed record DescribeExecutionInput(
    [property: JsonPropertyName("executionArn")] string ExecutionArn);

internal sealed record DescribeExecutionOutput(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("startDate")] DateTimeOffset StartDate,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("stopDate")] DateTimeOffset? StopDate = null,
    [property: JsonPropertyName("input")] string? Input = null,
    [property: JsonPropertyName("output")] string? Output = null,
    [property: JsonPropertyName("error")] string? Error = null,
    [property: JsonPropertyName("cause")] string? Cause = null);

internal sealed record DescribeStateMachineInput(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn);

internal sealed record DescribeStateMachineOutput(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string? Status = null,
    [property: JsonPropertyName("type")] string? Type = null);

internal sealed record GetExecutionHistoryInput(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("reverseOrder")] bool ReverseOrder,
    [property: JsonPropertyName("includeExecutionData")] bool IncludeExecutionData,
    [property: JsonPropertyName("maxResults")] int? MaxResults = null,
    [property: JsonPropertyName("nextToken")] string? NextToken = null);

internal sealed record GetExecutionHistoryOutput(
    [property: JsonPropertyName("events")] IReadOnlyList<HistoryEventItem>? Events = null,
    [property: JsonPropertyName("nextToken")] string? NextToken = null);

internal sealed record HistoryEventItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("stateEnteredEventDetails")] StateEventDetails? StateEntered = null,
    [property: JsonPropertyName("stateExitedEventDetails")] StateEventDetails? StateExited = null,
    [property: JsonPropertyName("taskSucceededEventDetails")] OutputEventDetails? TaskSucceeded = null,
    [property: JsonPropertyName("lambdaFunctionSucceededEventDetails")] OutputEventDetails? LambdaFunctionSucceeded = null,
    [property: JsonPropertyName("executionFailedEventDetails")] FailureEventDetails? ExecutionFailed = null,
    [property: JsonPropertyName("executionTimedOutEventDetails")] FailureEventDetails? ExecutionTimedOut = null,
    [property: JsonPropertyName("executionAbortedEventDetails")] FailureEventDetails? ExecutionAborted = null,
    [property: JsonPropertyName("taskFailedEventDetails")] FailureEventDetails? TaskFailed = null,
    [property: JsonPropertyName("taskTimedOutEventDetails")] FailureEventDetails? TaskTimedOut = null,
    [property: JsonPropertyName("lambdaFunctionFailedEventDetails")] FailureEventDetails? LambdaFunctionFailed = null);

internal sealed record FailureEventDetails(
    [property: JsonPropertyName("error")] string? Error = null,
    [property: JsonPropertyName("cause")] string? Cause = null);

internal sealed record SendTaskSuccessInput(
    [property: JsonPropertyName("taskToken")] string TaskToken,
    [property: JsonPropertyName("output")] string Output);

internal sealed record SendTaskFailureInput(
    [property: JsonPropertyName("taskToken")] string TaskToken,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("cause")] string Cause);

/// <summary>The empty body <c>{}</c> of SendTaskSuccess and SendTaskFailure.</summary>
internal sealed record EmptyOutput;

internal sealed record StateEventDetails(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("input")] string? Input = null,
    [property: JsonPropertyName("output")] string? Output = null);

internal sealed record OutputEventDetails(
    [property: JsonPropertyName("output")] string? Output = null);

/// <summary>Source-generated (AOT-safe) serialization of the Step Functions bodies.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(AwsJsonTimestampConverter), typeof(AwsJsonNullableTimestampConverter)])]
[JsonSerializable(typeof(StartExecutionInput))]
[JsonSerializable(typeof(StartExecutionOutput))]
[JsonSerializable(typeof(ListExecutionsInput))]
[JsonSerializable(typeof(ListExecutionsOutput))]
[JsonSerializable(typeof(DescribeExecutionInput))]
[JsonSerializable(typeof(DescribeExecutionOutput))]
[JsonSerializable(typeof(DescribeStateMachineInput))]
[JsonSerializable(typeof(DescribeStateMachineOutput))]
[JsonSerializable(typeof(GetExecutionHistoryInput))]
[JsonSerializable(typeof(GetExecutionHistoryOutput))]
[JsonSerializable(typeof(SendTaskSuccessInput))]
[JsonSerializable(typeof(SendTaskFailureInput))]
[JsonSerializable(typeof(EmptyOutput))]
internal sealed partial class StepFunctionsJsonContext : JsonSerializerContext;
