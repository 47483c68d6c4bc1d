using System.Text.Json;
using DrLambdas.Aws.Protocols;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.StepFunctions;

/// <summary>Step Functions over awsJson1_0 (API version 2016-11-23).</summary>
internal sealed class StepFunctionsClient(AwsServiceTransport transport) : IStepFunctionsClient
{
    private const string TargetPrefix = "AWSStepFunctions";

    // SendTaskSuccess/SendTaskFailure limits of the API reference.
    private const int MaxTaskTokenLength = 2048;
    private const int MaxErrorLength = 256;
    private const int MaxCauseLength = 32768;
    private readonly AwsJsonProtocol _json = new(transport, TargetPrefix);

    public async Task<StartExecutionResult> StartExecutionAsync(
        string stateMachineArn, string? input = null, string? name = null, CancellationToken cancellationToken = default)
    {
        Required(stateMachineArn, nameof(stateMachineArn));
        if (name is not null && (name.Length is 0 or > 80 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw new ArgumentException($"Execution name '{name}' must be 1-80 characters without whitespace.", nameof(name));
        }

        if (input is not null)
        {
            RequireJson(input, nameof(input));
        }

        var output = await _json.InvokeAsync(
            "StartExecution",
            new StartExecutionInput(stateMachineArn, name, input),
            StepFunctionsJsonContext.Default.StartExecutionInput,
            StepFunctionsJsonContext.Default.StartExecutionOutput,
            cancellationToken);
        return new StartExecutionResult(output.ExecutionArn, output.StartDate);
    }

    public async Task<ExecutionPage> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.StateMachineArn, nameof(request.StateMachineArn));
        if (request.MaxResults is < 1 or > 1000)
        {
            throw new ArgumentException($"MaxResults {request.MaxResults} is outside 1-1000.", nameof(request));
        }

        var filter = request.StatusFilter is { } status ? ExecutionStatusNames.ToWire(status) : null;
        var output = await _json.InvokeAsync(
            "ListExecutions",
            new ListExecutionsInput(request.StateMachineArn, filter, request.MaxResults, request.NextToken),
            StepFunctionsJsonContext.Default.ListExecutionsInput,
            StepFunctionsJsonContext.Default.ListExecutionsOutput,
            cancellationToken);
        var executions = (output.Executions ?? [])
            .Select(e => new ExecutionSummary(
                e.ExecutionArn, e.StateMachineArn, e.Name, ExecutionStatusNames.FromWire(e.Status), e.StartDate, e.StopDate))
            .ToList();
        return new ExecutionPage(executions, string.IsNullOrEmpty(output.NextToken) ? null : output.NextToken);
    }

    public async Task<ExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        Required(executionArn, nameof(executionArn));
        var output = await _json.InvokeAsync(
            "DescribeExecution",
            new DescribeExecutionInput(executionArn),
            StepFunctionsJsonContext.Default.DescribeExecutionInput,
            StepFunctionsJsonContext.Default.DescribeExecutionOutput,
            cancellationToken);
        return new ExecutionDescription(
            output.ExecutionArn, output.StateMachineArn, output.Name, ExecutionStatusNames.FromWire(output.Status),
            output.StartDate, output.StopDate, output.Input, output.Output, output.Error, output.Cause);
    }

    public async Task<StateMachineDescription> DescribeStateMachineAsync(string stateMachineArn, CancellationToken cancellationToken = default)
    {
        Required(stateMachineArn, nameof(stateMachineArn));
        var output = await _json.InvokeAsync(
            "DescribeStateMachine",
            new DescribeStateMachineInput(stateMachineArn),
            StepFunctionsJsonContext.Default.DescribeStateMachineInput,
            StepFunctionsJsonContext.Default.DescribeStateMachineOutput,
            cancellationToken);
        return new StateMachineDescription(output.StateMachineArn, output.Name, output.Status, output.Type);
    }

    public async Task<ExecutionHistoryPage> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.ExecutionArn, nameof(request.ExecutionArn));
        if (request.MaxResults is < 1 or > 1000)
        {
            throw new ArgumentException($"MaxResults {request.MaxResults} is outside 1-1000.", nameof(request));
        }

        var output = await _json.InvokeAsync(
            "GetExecutionHistory",
            new GetExecutionHistoryInput(request.ExecutionArn, request.ReverseOrder, IncludeExecutionData: true, request.MaxResults, request.NextToken),
            StepFunctionsJsonContext.Default.GetExecutionHistoryInput,
            StepFunctionsJsonContext.Default.GetExecutionHistoryOutput,
            cancellationToken);
        var events = (output.Events ?? [])
            .Select(e => new HistoryEvent(
                e.Id,
                e.Type,
                e.Timestamp,
                e.StateEntered?.Name ?? e.StateExited?.Name,
                e.StateExited?.Output ?? e.TaskSucceeded?.Output ?? e.LambdaFunctionSucceeded?.Output,
                FailureOf(e)?.Error,
                FailureOf(e)?.Cause))
            .ToList();
        return new ExecutionHistoryPage(events, string.IsNullOrEmpty(output.NextToken) ? null : output.NextToken);
    }

    public async Task SendTaskSuccessAsync(string taskToken, string output, CancellationToken cancellationToken = default)
    {
        RequireToken(taskToken);
        Required(output, nameof(output));
        RequireJson(output, nameof(output));
        await _json.InvokeAsync(
            "SendTaskSuccess",
            new SendTaskSuccessInput(taskToken, output),
            StepFunctionsJsonContext.Default.SendTaskSuccessInput,
            StepFunctionsJsonContext.Default.EmptyOutput,
            cancellationToken);
    }

    public async Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken = default)
    {
        RequireToken(taskToken);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(cause);
        if (error.Length > MaxErrorLength)
        {
            throw new ArgumentException($"The error name is longer than {MaxErrorLength} characters.", nameof(error));
        }

        if (cause.Length > MaxCauseLength)
        {
            throw new ArgumentException($"The cause is longer than {MaxCauseLength} characters.", nameof(cause));
        }

        await _json.InvokeAsync(
            "SendTaskFailure",
            new SendTaskFailureInput(taskToken, error, cause),
            StepFunctionsJsonContext.Default.SendTaskFailureInput,
            StepFunctionsJsonContext.Default.EmptyOutput,
            cancellationToken);
    }

    private static FailureEventDetails? FailureOf(HistoryEventItem item) =>
        item.ExecutionFailed ?? item.TaskFailed ?? item.LambdaFunctionFailed ?? item.TaskTimedOut ?? item.ExecutionTimedOut ?? item.ExecutionAborted;

    private static void RequireToken(string taskToken)
    {
        Required(taskToken, nameof(taskToken));
        if (taskToken.Length > MaxTaskTokenLength)
        {
            throw new ArgumentException($"The task token is longer than {MaxTaskTokenLength} characters.", nameof(taskToken));
        }
    }

    private static void Required(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }

    private static void RequireJson(string input, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(input);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The execution input is not valid JSON: {exception.Message}", name, exception);
        }
    }
}
