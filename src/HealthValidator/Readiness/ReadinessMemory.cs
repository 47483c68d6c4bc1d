using System.Text.Json;
using DrLambdas.Aws.Ssm;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>
/// The last run's set of findings, kept in the SSM parameter <see cref="ReadinessSettings.FindingsParameterName"/> so
/// that a notice goes out only when the set changes. Without the parameter every run counts as a change.
/// </summary>
internal sealed class ReadinessMemory(IParameterStore parameters, DrConfiguration configuration)
{
    /// <summary>The last run's finding keys, or null when there is none (first run, no parameter, unreadable: a note says why).</summary>
    public async Task<IReadOnlyList<string>?> RecallAsync(List<string> notes, CancellationToken cancellationToken)
    {
        if (configuration.Readiness.FindingsParameterName is not { } name)
        {
            return null;
        }

        try
        {
            var text = await parameters.GetAsync(name, false, cancellationToken);
            return text is null ? null : JsonSerializer.Deserialize(text, ContractsJsonContext.Default.ReadinessState)?.Findings;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            notes.Add($"last findings in {name} unreadable ({exception.GetType().Name}: {exception.Message}): treated as changed");
            return null;
        }
    }

    /// <summary>Keeps this run's keys; a failure is a note (the next run then notifies again), never a failed run.</summary>
    public async Task RememberAsync(ReadinessState state, List<string> notes, CancellationToken cancellationToken)
    {
        if (configuration.Readiness.FindingsParameterName is not { } name)
        {
            return;
        }

        try
        {
            await parameters.PutAsync(name, JsonSerializer.Serialize(state, ContractsJsonContext.Default.ReadinessState), false, true, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            notes.Add($"findings not kept in {name} ({exception.GetType().Name}: {exception.Message}): the next run notifies again");
        }
    }
}
