using System.Globalization;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>
/// The global cluster has both configured clusters as members, the promotion target (the non-writer) is
/// <c>available</c> and replicating, and its <c>AuroraGlobalDBRPOLag</c> is fresh and within the data-loss budget.
/// </summary>
internal sealed class DatabaseReadiness(DrConfiguration configuration)
{
    public IReadOnlyList<ReadinessFinding> Check(
        DatabaseEvidence database, IReadOnlyDictionary<string, SourceResult<ReplicationStatus>> lags, DateTimeOffset now)
    {
        var topology = configuration.Topology;
        var view = database.View;
        if (view.Members.Count == 0)
        {
            var evidence = string.Join("; ", database.Notes);
            return Unreadable.IsAccessDenied(null, evidence)
                ?
                [
                    new ReadinessFinding(
                        ReadinessCodes.PermissionMissing, ReadinessSeverity.Warning, $"global cluster {topology.GlobalClusterId}",
                        $"The function may not call rds:DescribeGlobalClusters: global cluster {topology.GlobalClusterId} is not checked.",
                        evidence,
                        "Grant rds:DescribeGlobalClusters on the global cluster to the HealthValidator role (template.yaml, HealthValidatorRole)."),
                ]
                :
                [
                    new ReadinessFinding(
                        ReadinessCodes.GlobalClusterMissing, ReadinessSeverity.Critical, $"global cluster {topology.GlobalClusterId}",
                        $"The global cluster {topology.GlobalClusterId} could not be found: no database failover is possible.",
                        evidence,
                        $"Check {EnvironmentVariables.GlobalClusterId} against the global cluster's identifier (aws rds describe-global-clusters)."),
                ];
        }

        var findings = new List<ReadinessFinding>();
        foreach (var site in topology.Sites)
        {
            if (view.Members.Any(member => string.Equals(member.ClusterArn, site.ClusterArn, StringComparison.Ordinal)))
            {
                continue;
            }

            findings.Add(new ReadinessFinding(
                ReadinessCodes.ClusterNotMember, ReadinessSeverity.Critical, site.Region,
                $"The cluster of {site.Region} is not a member of global cluster {topology.GlobalClusterId} (detached?): it receives no replication and cannot be promoted.",
                "members: " + string.Join(", ", view.Members.Select(member => $"{member.ClusterArn} ({(member.IsWriter ? "writer" : "reader")})")),
                $"Add a new secondary cluster in {site.Region} to the global cluster (a detached cluster cannot rejoin; create one from the global cluster and set its ARN), then wait until it is available and in sync."));
        }

        // The target of the next failover is the non-writer: normally the secondary.
        var target = view.Members.FirstOrDefault(member => !member.IsWriter && topology.Find(member.Region) is not null);
        if (target is null)
        {
            return findings;
        }

        if (!target.IsAvailable)
        {
            findings.Add(new ReadinessFinding(
                ReadinessCodes.SecondaryNotAvailable, ReadinessSeverity.Critical, target.Region,
                $"The cluster a failover would promote ({target.Region}) is not available.",
                $"{target.ClusterArn} status {target.Status}",
                $"Bring the cluster in {target.Region} back to 'available' (see its RDS events) before relying on a failover."));
        }

        if (target.Synchronisation == SynchronisationStatus.PendingResync)
        {
            findings.Add(new ReadinessFinding(
                ReadinessCodes.SecondaryNotSynchronised, ReadinessSeverity.Warning, target.Region,
                $"The cluster a failover would promote ({target.Region}) is resynchronising: a switchover is not possible until it is connected.",
                $"{target.ClusterArn} synchronization status pending-resync",
                "Wait for the resynchronisation to finish; if it does not, see the cluster's RDS events."));
        }

        findings.AddRange(CheckLag(target.Region, lags, now));
        return findings;
    }

    private IEnumerable<ReadinessFinding> CheckLag(string region, IReadOnlyDictionary<string, SourceResult<ReplicationStatus>> lags, DateTimeOffset now)
    {
        var policy = configuration.Policy;
        if (!lags.TryGetValue(region, out var result) || !result.Succeeded)
        {
            if (result is not null)
            {
                yield return Unreadable.Finding(result, $"AuroraGlobalDBRPOLag in {region}", "cloudwatch:GetMetricData");
            }

            yield break;
        }

        var status = result.Value!;
        if (status.RpoLag is not { } lag || status.MeasuredAt is not { } at || now - at > policy.RpoLagMaxAge)
        {
            yield return new ReadinessFinding(
                ReadinessCodes.ReplicationLagUnknown, ReadinessSeverity.Warning, region,
                $"No fresh replication lag for {region}: an automatic failover would escalate (the data loss is unknown).",
                status.MeasuredAt is { } measured
                    ? string.Create(CultureInfo.InvariantCulture, $"newest AuroraGlobalDBRPOLag at {measured:O}, older than {policy.RpoLagMaxAge.TotalSeconds:0} s")
                    : $"no AuroraGlobalDBRPOLag data point in {region} in the last {ReplicationLagReader.Window.TotalMinutes:0} minutes",
                $"Check that the cluster in {region} is a secondary of the global cluster and that CloudWatch receives AWS/RDS AuroraGlobalDBRPOLag for it.");
            yield break;
        }

        if (lag > policy.DataLossBudget)
        {
            yield return new ReadinessFinding(
                ReadinessCodes.ReplicationLagOverBudget, ReadinessSeverity.Critical, region,
                $"Replication to {region} lags more than the data-loss budget: an automatic failover now would escalate.",
                string.Create(CultureInfo.InvariantCulture,
                    $"AuroraGlobalDBRPOLag {lag.TotalSeconds:0.###} s at {at:O}, budget {policy.DataLossBudget.TotalSeconds:0.###} s"),
                "Find what slows replication (write load, instance size, network); raise the budget only as an explicit business decision.");
        }
    }
}
