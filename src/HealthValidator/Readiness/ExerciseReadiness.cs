using System.Globalization;
using System.Text.Json;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>
/// The failover path was exercised recently: the newest SUCCEEDED execution of the failover machine started with a
/// manual document in mode <c>dry-run</c>, <c>switchover</c> or <c>failover</c> (a dry run, a game day, a real
/// switchover) is younger than <see cref="ReadinessSettings.MaxExerciseAge"/>. Read from Step Functions, not from local drills.
/// </summary>
internal sealed class ExerciseReadiness(IStepFunctionsClient stepFunctions, DrConfiguration configuration, SourceRunner runner)
{
    /// <summary>Succeeded executions looked at, newest first.</summary>
    public const int MaxListed = 100;

    /// <summary>Executions whose input is read (DescribeExecution) before giving up.</summary>
    public const int MaxDescribed = 25;

    private static readonly string[] ExercisingModes = ["dry-run", "switchover", "failover"];

    public async Task<IReadOnlyList<ReadinessFinding>> CheckAsync(DateTimeOffset now, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (configuration.Alarms.StateMachineArn is not { } arn)
        {
            return [];
        }

        var maxAge = configuration.Readiness.MaxExerciseAge;
        var result = await runner.RunAsync(ct => FindLatestAsync(arn, now - maxAge, ct), timeout, cancellationToken);
        if (!result.Succeeded)
        {
            return [Unreadable.Finding(result, $"executions of {arn}", "states:ListExecutions and states:DescribeExecution")];
        }

        if (result.Value is not null)
        {
            return [];
        }

        return
        [
            new ReadinessFinding(
                ReadinessCodes.ExerciseOverdue, ReadinessSeverity.Warning, "failover exercise",
                string.Create(CultureInfo.InvariantCulture,
                    $"The failover path has not been exercised for {maxAge.TotalDays:0} days: a broken permission or a changed dependency would surface only in an outage."),
                string.Create(CultureInfo.InvariantCulture,
                    $"no SUCCEEDED execution of {arn} with mode dry-run, switchover or failover started after {now - maxAge:O}"),
                "Run a dry run (drctl, or start the failover machine with {\"mode\":\"dry-run\",...}) or a game day, and read its report."),
        ];
    }

    /// <summary>The newest exercising execution started after <paramref name="since"/>, or null.</summary>
    private async Task<ExecutionSummary?> FindLatestAsync(string arn, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var succeeded = await stepFunctions.ListAllExecutionsAsync(arn, StepFunctionsExecutionStatus.Succeeded, MaxListed, cancellationToken);
        foreach (var execution in succeeded.Where(execution => execution.StartDate >= since).OrderByDescending(execution => execution.StartDate).Take(MaxDescribed))
        {
            var description = await stepFunctions.DescribeExecutionAsync(execution.ExecutionArn, cancellationToken);
            if (IsExercise(description.Input))
            {
                return execution;
            }
        }

        return null;
    }

    /// <summary>A manual document whose mode exercises the failover path (an alarm event has no <c>mode</c>).</summary>
    internal static bool IsExercise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(input);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("mode", out var mode)
                && mode.ValueKind == JsonValueKind.String
                && ExercisingModes.Contains(mode.GetString(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
