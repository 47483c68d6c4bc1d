using System.Globalization;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Readiness;

/// <summary>
/// The weights are the normal split when no incident is open. An incident is open while an execution of the failover
/// machine runs, during the cooldown after one that may have moved the writer, or while the writer is not in the
/// primary Region; then the weights are whatever the incident made them and are not judged.
/// </summary>
internal sealed class IncidentReadiness(DrConfiguration configuration)
{
    public IReadOnlyList<ReadinessFinding> Check(
        ExecutionHistory history, GlobalClusterView view, SourceResult<IReadOnlyList<RecordWeight>> weights, DateTimeOffset now)
    {
        var findings = new List<ReadinessFinding>();
        if (history.Executions is null && history.Note is { } note)
        {
            findings.Add(new ReadinessFinding(
                Unreadable.IsAccessDenied(null, note) ? ReadinessCodes.PermissionMissing : ReadinessCodes.CheckFailed,
                ReadinessSeverity.Warning, "failover executions",
                "The failover machine's executions could not be read: whether an incident is open is unknown, the weights are not judged.",
                note,
                "Grant states:ListExecutions on the failover state machine to the HealthValidator role, or read the function's log for the error."));
            return findings;
        }

        if (!weights.Succeeded)
        {
            findings.Add(Unreadable.Finding(weights, $"hosted zone {configuration.Dns.HostedZoneId}", "route53:ListResourceRecordSets"));
            return findings;
        }

        var open = OpenIncident(history.Executions ?? [], view, now);
        if (open is not null)
        {
            findings.Add(new ReadinessFinding(
                ReadinessCodes.IncidentOpen, ReadinessSeverity.Info, "incident",
                "An incident is open: the weights are not compared with the normal split.",
                open,
                "Nothing to fix; after failback the weights return to the normal split."));
            return findings;
        }

        var current = weights.Value!;
        var differing = configuration.Topology.Sites
            .Where(site => current.FirstOrDefault(weight => weight.SetIdentifier == site.SetIdentifier)?.Weight != site.NormalWeight)
            .ToList();
        if (differing.Count > 0)
        {
            findings.Add(new ReadinessFinding(
                ReadinessCodes.WeightsNotNormal, ReadinessSeverity.Warning, "weights",
                "No incident is open, yet the weighted records are not the normal split: traffic is not where the configuration expects it.",
                "weights " + Describe(current) + "; normal " + string.Join(", ", configuration.Topology.Sites.Select(site =>
                    string.Create(CultureInfo.InvariantCulture, $"{site.SetIdentifier}={site.NormalWeight}"))),
                "Set the normal weights (DnsUpdater 'apply' with the normal split, or start the failback machine) unless someone moved them on purpose."));
        }

        return findings;
    }

    /// <summary>Why an incident is open, or null when none is.</summary>
    private string? OpenIncident(IReadOnlyList<RecentExecution> executions, GlobalClusterView view, DateTimeOffset now)
    {
        if (executions.FirstOrDefault(execution => execution.Status == ExecutionStatus.Running) is { } running)
        {
            return string.Create(CultureInfo.InvariantCulture, $"execution {running.ExecutionId} running since {running.StartedAt:O}");
        }

        var cooldownStart = now - configuration.Policy.Cooldown;
        var recent = executions
            .Where(execution => execution.StoppedAt is { } stopped && stopped >= cooldownStart && MayHavePromoted(execution))
            .OrderByDescending(execution => execution.StoppedAt)
            .FirstOrDefault();
        if (recent is not null)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"cooldown: execution {recent.ExecutionId} stopped at {recent.StoppedAt:O}, cooldown {configuration.Policy.Cooldown.TotalSeconds:0} s");
        }

        var primary = configuration.Topology.Primary.Region;
        if (view.Writer is { } writer && !string.Equals(writer.Region, primary, StringComparison.Ordinal))
        {
            return $"the writer is in {writer.Region}, not in the primary Region {primary}";
        }

        return null;
    }

    /// <summary>As the cooldown rule counts it: what the history shows wins; without it, a decided (or unknown) writer move.</summary>
    private static bool MayHavePromoted(RecentExecution execution) =>
        execution.Promoted ?? execution.Action is null or DecisionAction.Failover or DecisionAction.Switchover;

    private static string Describe(IReadOnlyList<RecordWeight> weights) =>
        string.Join(", ", weights.Select(weight => string.Create(CultureInfo.InvariantCulture, $"{weight.SetIdentifier}={weight.Weight}")));
}
