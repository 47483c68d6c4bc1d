using System.Text.Json;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// Running and recent executions of the failover state machine, for the one-acting-execution rule and the
/// cooldown. The action a succeeded execution decided is read from its output (<c>assessment.decision.action</c>);
/// whether a FAILED, ABORTED or TIMED_OUT one promoted anything, from its history (<see cref="PromotionHistory"/>).
/// </summary>
internal sealed class ExecutionHistoryReader(IStepFunctionsClient stepFunctions, DrConfiguration configuration, SourceRunner runner)
{
    /// <summary>At most this many executions are listed (newest first).</summary>
    public const int MaxListed = 50;

    /// <summary>
    /// The executions that matter now; null executions (unknown, with a note) when they cannot be read: the decision
    /// rules answer that themselves, nothing is invented here.
    /// </summary>
    public async Task<ExecutionHistory> ReadAsync(DateTimeOffset now, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (configuration.Alarms.StateMachineArn is not { } stateMachineArn)
        {
            return new ExecutionHistory([], null);
        }

        var result = await runner.RunAsync(ct => ListAsync(stateMachineArn, now, ct), timeout, cancellationToken);
        if (result.Succeeded)
        {
            return new ExecutionHistory(result.Value!, null);
        }

        return new ExecutionHistory(null, $"executions of {stateMachineArn} unreadable ({result.Failure}): whether another one runs or just promoted is unknown");
    }

    private async Task<IReadOnlyList<RecentExecution>> ListAsync(string stateMachineArn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var summaries = await stepFunctions.ListAllExecutionsAsync(stateMachineArn, statusFilter: null, MaxListed, cancellationToken);
        var cooldownStart = now - configuration.Policy.Cooldown;
        var relevant = summaries
            .Where(summary => summary.Status == StepFunctionsExecutionStatus.Running || summary.StopDate is null || summary.StopDate >= cooldownStart)
            .ToList();
        var executions = await Task.WhenAll(relevant.Select(summary => ToRecentAsync(summary, cancellationToken)));
        return executions;
    }

    private async Task<RecentExecution> ToRecentAsync(ExecutionSummary summary, CancellationToken cancellationToken)
    {
        var status = Map(summary.Status);
        DecisionAction? action = null;
        bool? promoted = null;
        if (status == ExecutionStatus.Succeeded)
        {
            action = await DecidedActionAsync(summary.ExecutionArn, cancellationToken);
        }
        else if (status != ExecutionStatus.Running)
        {
            promoted = await PromotedAsync(summary.ExecutionArn, cancellationToken);
        }

        return new RecentExecution(summary.ExecutionArn, summary.StartDate, status, summary.StopDate, action, promoted);
    }

    /// <summary>What a stopped run's history shows; null (counted as a possible promotion) when it cannot be read.</summary>
    private async Task<bool?> PromotedAsync(string executionArn, CancellationToken cancellationToken)
    {
        try
        {
            return PromotionHistory.Promoted(await PromotionHistory.ReadAsync(stepFunctions, executionArn, cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The action in the execution's output; null (counted as a possible promotion) when unknown.</summary>
    private async Task<DecisionAction?> DecidedActionAsync(string executionArn, CancellationToken cancellationToken)
    {
        try
        {
            var description = await stepFunctions.DescribeExecutionAsync(executionArn, cancellationToken);
            return ActionInOutput(description.Output);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    internal static DecisionAction? ActionInOutput(string? output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(output);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("assessment", out var assessment)
                && assessment.ValueKind == JsonValueKind.Object
                && assessment.TryGetProperty("decision", out var decision)
                && decision.ValueKind == JsonValueKind.Object
                && decision.TryGetProperty("action", out var action)
                && action.ValueKind == JsonValueKind.String
                && Enum.GetNames<DecisionAction>().Contains(action.GetString(), StringComparer.Ordinal)
                    ? Enum.Parse<DecisionAction>(action.GetString()!)
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ExecutionStatus Map(StepFunctionsExecutionStatus status) => status switch
    {
        StepFunctionsExecutionStatus.Running => ExecutionStatus.Running,
        StepFunctionsExecutionStatus.Succeeded => ExecutionStatus.Succeeded,
        StepFunctionsExecutionStatus.TimedOut => ExecutionStatus.TimedOut,
        StepFunctionsExecutionStatus.Aborted => ExecutionStatus.Aborted,
        _ => ExecutionStatus.Failed,
    };
}

/// <summary>The executions the decision looks at, and a note when they could not be read.</summary>
/// <param name="Executions">Running and recently stopped executions; null when they could not be read.</param>
/// <param name="Note">Why they are unknown, if they are.</param>
internal sealed record ExecutionHistory(IReadOnlyList<RecentExecution>? Executions, string? Note);
