using DrLambdas.Aws.Route53;
using DrLambdas.Errors;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;

namespace DrLambdas.DnsUpdater;

/// <summary>
/// The change batch that gates each managed record with its Region's configured health check. Only the records whose
/// HealthCheckId differs are in it, each DELETEd exactly as read and CREATEd with nothing changed but the health
/// check: the weights the state machine set stay, so does the TTL, the values or the alias target.
/// </summary>
/// <param name="Batch">The batch to submit, or null when every record already carries its health check.</param>
/// <param name="Changed">The records re-pointed, in the records' order.</param>
/// <param name="Unchanged">How many records already carried their health check.</param>
internal sealed record AssociationChange(ChangeBatch? Batch, IReadOnlyList<HealthCheckAssociation> Changed, int Unchanged)
{
    /// <summary>Plans the association of <paramref name="current"/> (the managed records as read, primary first).</summary>
    /// <exception cref="ConfigurationException">A Region has no health check id configured.</exception>
    public static AssociationChange Plan(IReadOnlyList<ResourceRecordSet> current, DrTopology topology, string? requestedBy)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(topology);
        var missing = topology.Sites
            .Where(site => site.HealthCheckId is null)
            .Select(site => site.Role == RegionRole.Primary ? EnvironmentVariables.PrimaryHealthCheckId : EnvironmentVariables.SecondaryHealthCheckId)
            .ToList();
        if (missing.Count > 0)
        {
            throw new ConfigurationException(
                $"associate needs a health check id for each Region; {string.Join(" and ", missing)} not set: nothing changed.");
        }

        var targets = current
            .Select(record => (Record: record, To: topology.Sites.Single(site => string.Equals(site.SetIdentifier, record.SetIdentifier, StringComparison.Ordinal)).HealthCheckId!))
            .ToList();
        var changed = targets
            .Where(target => !string.Equals(target.Record.HealthCheckId, target.To, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var associations = changed.Select(target => new HealthCheckAssociation(target.Record.SetIdentifier!, target.Record.HealthCheckId, target.To)).ToList();
        if (changed.Count == 0)
        {
            return new AssociationChange(null, associations, targets.Count);
        }

        var batch = new ChangeBatch(
            [.. changed.SelectMany(target => new[]
            {
                new ResourceRecordSetChange(ChangeAction.Delete, target.Record),
                new ResourceRecordSetChange(ChangeAction.Create, target.Record with { HealthCheckId = target.To }),
            })],
            BatchComment.Fit($"DrLambdas associate health checks ({requestedBy ?? "unnamed"}): "
                + string.Join(", ", associations.Select(a => $"{a.SetIdentifier} {a.From ?? "none"} -> {a.To}"))));
        return new AssociationChange(batch, associations, targets.Count - changed.Count);
    }
}
