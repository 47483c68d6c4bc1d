using System.Text.Json;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using AwsExecutionStatus = DrLambdas.Aws.StepFunctions.ExecutionStatus;
using DomainExecutionStatus = DrLambdas.Shared.Domain.ExecutionStatus;

namespace DrLambdas.HealthValidator.Evidence;

/// <summary>
/// Running and recent executions of the failover state machine, for the one-acting-execution rule and the
/// cooldown. The action a stopped execution decided is read from its output (<c>assessment.decision.action</c>).
/// </summary>
internal sealed class ExecutionHistoryReader(IStepFunctionsClient stepFunctions, DrConfiguration configuration, SourceRunner runner)
{
    /// <summary>At most this many executions are listed (newest first).</summary>
    public const int MaxListed = 50;

    /// <summary>
    /// The executions that matter now. When they cannot be read, a conservative stand-in is returned: a possible
    /// promotion just now, so that the cooldown holds back an automatic failover rather than risking a second one.
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

        var note = $"executions of {stateMachineArn} unreadable ({result.Failure}); assuming a possible promotion just now";
        return new ExecutionHistory([new RecentExecution($"unknown-executions ({result.Failure})", now, DomainExecutionStatus.Succeeded, now, null)], note);
    }

    private async Task<IReadOnlyList<RecentExecution>> ListAsync(string stateMachineArn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var summaries = await stepFunctions.ListAllExecutionsAsync(stateMachineArn, statusFilter: null, MaxListed, cancellationToken);
        var cooldownStart = now - configuration.Policy.Cooldown;
        var relevant = summaries
            .Where(summary => summary.Status == AwsExecutionStatus.Running || summary.StopDate is null || summary.StopDate >= cooldownStart)
            .ToList();
        var executions = await Task.WhenAll(relevant.Select(summary => ToRecentAsync(summary, cancellationToken)));
        return executions;
    }

    private async Task<RecentExecution> ToRecentAsync(ExecutionSummary summary, CancellationToken cancellationToken)
    {
        var status = Map(summary.Status);
        DecisionAction? action = null;
        if (status != DomainExecutionStatus.Running)
        {
            action = await DecidedActionAsync(summary.ExecutionArn, cancellationToken);
        }

        return new RecentExecution(summary.ExecutionArn, summary.StartDate, status, summary.StopDate, action);
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

    private static DomainExecutionStatus Map(AwsExecutionStatus status) => status switch
    {
        AwsExecutionStatus.Running => DomainExecutionStatus.Running,
        AwsExecutionStatus.Succeeded => DomainExecutionStatus.Succeeded,
        AwsExecutionStatus.TimedOut => DomainExecutionStatus.TimedOut,
        AwsExecutionStatus.Aborted => DomainExecutionStatus.Aborted,
        _ => DomainExecutionStatus.Failed,
    };
}

/// <summary>The executions the decision looks at, and a note when they could not be read.</summary>
/// <param name="Executions">Running and recently stopped executions.</param>
/// <param name="Note">Why a conservative stand-in was used, if it was.</param>
internal sealed record ExecutionHistory(IReadOnlyList<RecentExecution> Executions, string? Note);
