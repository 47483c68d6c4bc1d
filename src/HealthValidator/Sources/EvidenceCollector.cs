using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Pause;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>
/// Gathers the evidence about both Regions in parallel, each source within its own timeout; a source that fails
/// or times out contributes Unknown signals (or unknown, null, evidence) and a note, never an exception or a guess.
/// </summary>
internal sealed class EvidenceCollector(
    DrConfiguration configuration,
    IHealthProbe probe,
    Route53HealthReader route53,
    AlarmReader alarms,
    DatabaseReader database,
    ReplicationLagReader replication,
    ExecutionHistoryReader executions,
    WeightReader weights,
    ProbeMetricReader probeMetrics,
    PauseReader pause,
    ExtraSignalReader extraSignals,
    TimeProvider timeProvider)
{
    public async Task<EvidenceSnapshot> CollectAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sites = configuration.Topology.Sites;
        var now = timeProvider.GetUtcNow();
        var probes = sites.Select(site => ProbeAsync(site, timeout, cancellationToken)).ToList();
        var checks = sites.Select(site => route53.ReadAsync(site, timeout, cancellationToken)).ToList();
        var alarmSignals = alarms.ReadAsync(timeout, cancellationToken);
        var scheduledProbes = probeMetrics.ReadAsync(timeout, cancellationToken);
        var databaseEvidence = database.ReadAsync(timeout, cancellationToken);
        var lags = replication.ReadAsync(timeout, cancellationToken);
        var history = executions.ReadAsync(now, timeout, cancellationToken);
        var currentWeights = weights.ReadAsync(timeout, cancellationToken);
        var pauseState = pause.ReadAsync(timeout, cancellationToken);
        var extraReadings = extraSignals.ReadAsync(timeout, cancellationToken);

        var probeSignals = await Task.WhenAll(probes);
        var checkSignals = await Task.WhenAll(checks);
        var db = await databaseEvidence;
        var lagResults = await lags;
        var executionHistory = await history;
        var weightResult = await currentWeights;
        var pauseResult = await pauseState;

        var notes = new List<string>(db.Notes);
        if (executionHistory.Note is { } executionNote)
        {
            notes.Add(executionNote);
        }

        var replicationStatus = ReplicationLagReader.Select(lagResults, db.View, configuration.Topology);
        if (replicationStatus.RpoLag is null)
        {
            notes.Add("AuroraGlobalDBRPOLag unavailable: "
                + string.Join("; ", lagResults.Select(pair => $"{pair.Key}: {(pair.Value.Succeeded ? "no data points" : pair.Value.Failure)}")));
        }

        var recordWeights = weightResult.Succeeded ? weightResult.Value : null;
        if (!weightResult.Succeeded)
        {
            notes.Add($"weighted records unreadable ({weightResult.Failure}): current weights unknown; the DNS step reads them itself");
        }

        if (pauseResult.Status == PauseStatus.Unreadable)
        {
            notes.Add(pauseResult.Evidence());
        }

        var signals = probeSignals
            .Concat(checkSignals.OfType<HealthSignal>())
            .Concat(await alarmSignals)
            .Concat(await scheduledProbes)
            .Concat(db.EndpointSignals)
            .ToList();
        return new EvidenceSnapshot(signals, db.View, replicationStatus, executionHistory.Executions, recordWeights, notes, pauseResult)
        {
            ExtraSignals = await extraReadings,
        };
    }

    /// <summary>A probe that throws for an unexpected reason is an Unknown signal, like any failed source.</summary>
    private async Task<HealthSignal> ProbeAsync(RegionSite site, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await probe.ProbeAsync(site, timeout, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthSignal(SignalKind.Probe, site.Region, configuration.Topology.RecoveryRegion, Verdict.Unknown,
                $"probe failed: {exception.GetType().Name}: {exception.Message}", timeProvider.GetUtcNow());
        }
    }
}
