using DrLambdas.Aws.Ssm;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Pause;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// The pause of automatic failover (<c>DR_PAUSE_PARAMETER_NAME</c>, a String parameter in the recovery Region): absent is
/// not paused; an error, a timeout or a malformed document is Unreadable, never "not paused".
/// </summary>
internal sealed class PauseReader(IParameterStore parameters, DrConfiguration configuration, SourceRunner runner, TimeProvider timeProvider)
{
    public async Task<PauseState> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (configuration.PauseParameterName is not { } name)
        {
            return PauseState.NotConfigured;
        }

        var result = await runner.RunAsync(token => parameters.GetAsync(name, decrypt: false, token), timeout, cancellationToken);
        return result.Succeeded
            ? PauseState.Of(name, result.Value, timeProvider.GetUtcNow())
            : PauseState.Unreadable(name, result.Failure);
    }
}
