using DrLambdas.Functions.Common;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Failback;
using DrLambdas.Shared.Weights;

namespace DrLambdas.HealthValidator.Operations;

/// <summary>
/// <c>recovery</c>: one failback readiness check of the original primary (application healthy, its cluster back in
/// the global database, available and synchronised, every extra signal of it OK), appended to the history for the consecutive-checks rule.
/// Ready only when there is something to fail back: the writer is elsewhere or the primary lacks its normal share.
/// </summary>
internal sealed class RecoveryOperation(
    DrConfiguration configuration,
    RegionObserver observer,
    DatabaseReader database,
    WeightReader weights,
    ExtraSignalReader extraSignals,
    TimeProvider timeProvider)
{
    /// <summary>The history kept in the execution document is bounded so it never outgrows the state size limit.</summary>
    public const int MinimumHistoryKept = 20;

    public async Task<RecoveryResponse> HandleAsync(RecoveryRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var primary = configuration.Topology.Primary;
        var timeout = EvidenceBudget.PerSource(configuration.Probes.SourceTimeout, invocation.RemainingTime);

        var signals = observer.ObserveAsync(primary, includeAlarms: false, timeout, cancellationToken);
        var databaseEvidence = database.ReadAsync(timeout, cancellationToken);
        var currentWeights = weights.ReadAsync(timeout, cancellationToken);
        var extras = extraSignals.ReadAsync([primary], timeout, cancellationToken);
        var problems = new List<string>();
        var seen = new List<string>();
        foreach (var signal in await signals)
        {
            (signal.Verdict == Verdict.Healthy ? seen : problems).Add($"{signal.Kind} {signal.Verdict}: {signal.Detail}");
        }

        var readings = await extras;
        problems.AddRange(ExtraSignalRequirement.Problems(readings));
        seen.AddRange(readings.Where(reading => reading.Verdict == Verdict.Healthy).Select(Evidence.Of));

        var view = (await databaseEvidence).View;
        var member = view.Members
            .FirstOrDefault(candidate => string.Equals(candidate.ClusterArn, primary.ClusterArn, StringComparison.Ordinal));
        if (DatabaseProblem(member) is { } databaseProblem)
        {
            problems.Add(databaseProblem);
        }
        else
        {
            seen.Add(DescribeMember(member!));
        }

        var weightResult = await currentWeights;
        if (!weightResult.Succeeded)
        {
            problems.Add($"the weighted records could not be read ({weightResult.Failure})");
        }

        var plan = weightResult.Succeeded ? FailbackPlanner.Plan(configuration, weightResult.Value!) : null;
        var nothingToFailBack = plan is { Steps.Count: 0 } && member is { IsWriter: true };
        if (nothingToFailBack)
        {
            seen.Add("nothing to fail back: the primary holds the writer and its normal share of the traffic");
        }

        var check = new ReadinessCheck(
            timeProvider.GetUtcNow(),
            problems.Count == 0,
            problems.Count == 0 ? string.Join("; ", seen) : string.Join("; ", problems));
        var keep = Math.Max(MinimumHistoryKept, configuration.Failback.RequiredHealthyChecks * 2);
        var history = request.History.Append(check).TakeLast(keep).ToList();
        var readiness = FailbackReadiness.Evaluate(
            history.Select(entry => new HealthCheckRecord(entry.At, entry.Healthy, entry.Detail)), configuration.Failback);

        invocation.Logger.Info(
            $"Primary {(check.Healthy ? "healthy" : "not healthy")}: streak {readiness.HealthyStreak} of {readiness.Required}",
            new LogField("healthy", check.Healthy),
            new LogField("ready", readiness.Ready && !nothingToFailBack),
            new LogField("detail", check.Detail));
        invocation.WriteMetric("FailbackReadinessChecks", 1, MetricUnit.Count, new MetricDimension("Healthy", check.Healthy ? "true" : "false"));
        var ready = readiness.Ready && !nothingToFailBack;
        return new RecoveryResponse(
            ready,
            readiness.HealthyStreak,
            readiness.Required,
            history,
            check,
            ready ? plan : null);
    }

    private string? DatabaseProblem(ClusterMember? member)
    {
        var primary = configuration.Topology.Primary;
        if (member is null)
        {
            return $"cluster {primary.ClusterArn} is not a member of global cluster {configuration.Topology.GlobalClusterId}";
        }

        if (!member.IsAvailable)
        {
            return $"cluster {primary.ClusterArn} is {member.Status}, not available";
        }

        return !member.IsWriter && member.Synchronisation != SynchronisationStatus.Connected
            ? $"cluster {primary.ClusterArn} is not synchronised ({member.Synchronisation})"
            : null;
    }

    private static string DescribeMember(ClusterMember member) =>
        $"cluster {member.ClusterArn} in the global cluster, {member.Status}, {(member.IsWriter ? "writer" : "synchronised")}";
}
