using DrLambdas.Functions.Common;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Errors;

namespace DrLambdas.HealthValidator.Operations;

/// <summary>
/// <c>pin</c>: after a DNS pin attempt failed, says whether to retry. Landed when Route 53 holds the desired
/// weights after all (the failed attempt went through); Failed once <c>DR_PIN_RETRY_SECONDS</c> have passed since
/// the first judgement, with the <c>PinFailed</c> metric the template alarms on (it pages); Pending otherwise.
/// </summary>
internal sealed class PinOperation(DrConfiguration configuration, PinReader reader, TimeProvider timeProvider)
{
    /// <summary>The EMF metric of a pin given up; the template's PinFailedAlarm pages on it.</summary>
    public const string PinFailedMetric = "PinFailed";

    public async Task<PinResponse> HandleAsync(PinRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var now = timeProvider.GetUtcNow();
        Validate(request, now);

        var since = request.Since ?? now;
        var attempts = request.Attempts + 1;
        var giveUpAt = since + configuration.Timeouts.PinRetry;
        var lastError = request.Error is null ? "no error reported" : $"{request.Error}: {request.Cause}";

        var timeout = EvidenceBudget.PerSource(configuration.Probes.SourceTimeout, invocation.RemainingTime);
        var reading = await reader.ReadAsync(request.DesiredWeights, timeout, cancellationToken);
        var (state, detail) = reading.Landed
            ? (PinState.Landed, $"the records hold the desired weights ({reading.Detail}); the last attempt's error was: {lastError}")
            : now >= giveUpAt
                ? (PinState.Failed, $"given up after {attempts} failed attempt(s) since {since:O}: traffic is held by the health checks only. Last error: {lastError}. Records: {reading.Detail}")
                : (PinState.Pending, $"attempt {attempts} failed; retried until {giveUpAt:O}. Last error: {lastError}. Records: {reading.Detail}");

        var fields = new[] { new LogField("pin", state.ToString()), new LogField("attempts", attempts), new LogField("detail", detail) };
        if (state == PinState.Failed)
        {
            invocation.Logger.Error("DNS pin given up", fields);
            invocation.WriteMetric(PinFailedMetric, 1, MetricUnit.Count);
        }
        else
        {
            invocation.Logger.Info($"DNS pin {state}", fields);
        }

        return new PinResponse(state, since, attempts, giveUpAt, detail);
    }

    private static void Validate(PinRequest request, DateTimeOffset now)
    {
        ContractReader.NonBlank(request.IncidentId, "incidentId");
        if (request.DesiredWeights.Count == 0)
        {
            throw new InputValidationException("desiredWeights", "must name at least one record");
        }

        for (var i = 0; i < request.DesiredWeights.Count; i++)
        {
            if (request.DesiredWeights[i] is not { } weight || string.IsNullOrWhiteSpace(weight.SetIdentifier))
            {
                throw new InputValidationException($"desiredWeights[{i}].setIdentifier", "must not be null or blank");
            }
        }

        if (request.Attempts < 0)
        {
            throw new InputValidationException("attempts", "must be 0 or more");
        }

        if (request.Since is { } since)
        {
            ContractReader.NotInFuture(since, now, "since");
        }
    }
}
