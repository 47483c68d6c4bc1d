using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>Runs every readiness check in parallel; the database and execution readers are the ones <c>assess</c> uses.</summary>
internal sealed class ReadinessChecks(
    DnsReadiness dns,
    DatabaseReader database,
    ReplicationLagReader replication,
    ExecutionHistoryReader executions,
    WeightReader weights,
    DatabaseReadiness databaseReadiness,
    IncidentReadiness incident,
    AlarmReadiness alarms,
    StateMachineReadiness stateMachines,
    TopicReadiness topic,
    PauseReadiness pause,
    ExerciseReadiness exercise)
{
    public async Task<IReadOnlyList<ReadinessFinding>> RunAsync(DateTimeOffset now, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var dnsFindings = dns.CheckAsync(timeout, cancellationToken);
        var databaseEvidence = database.ReadAsync(timeout, cancellationToken);
        var lags = replication.ReadAsync(timeout, cancellationToken);
        var history = executions.ReadAsync(now, timeout, cancellationToken);
        var currentWeights = weights.ReadAsync(timeout, cancellationToken);
        var others = new[]
        {
            alarms.CheckAsync(timeout, cancellationToken),
            stateMachines.CheckAsync(timeout, cancellationToken),
            topic.CheckAsync(timeout, cancellationToken),
            pause.CheckAsync(now, timeout, cancellationToken),
            exercise.CheckAsync(now, timeout, cancellationToken),
        };

        var db = await databaseEvidence;
        var findings = new List<ReadinessFinding>(await dnsFindings);
        findings.AddRange(databaseReadiness.Check(db, await lags, now));
        findings.AddRange(incident.Check(await history, db.View, await currentWeights, now));
        foreach (var other in await Task.WhenAll(others))
        {
            findings.AddRange(other);
        }

        return findings;
    }
}
