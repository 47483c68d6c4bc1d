using DrLambdas.Aws.Route53;
using DrLambdas.Functions.Common;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Errors;

namespace DrLambdas.DnsUpdater;

/// <summary>
/// <c>apply</c>: converges the pair of weighted records to the desired weights in one compare-and-swap change batch
/// (<see cref="PairChange"/>). Records already as desired are left alone; a batch that no longer matches the
/// records (someone changed them since they were read) is a <see cref="ConflictException"/>, which the state
/// machine retries with a fresh read. Every field of a record but its weight is kept as read (health check, TTL,
/// values or alias target).
/// </summary>
internal sealed class ApplyOperation(DrConfiguration configuration, IRoute53Client route53, TimeProvider timeProvider)
{
    /// <summary>The weight a Region's record holds after <c>apply</c>, one datapoint per Region and call.</summary>
    public const string RecordWeightMetric = "RecordWeight";

    /// <summary>The dimension naming the Region of a <see cref="RecordWeightMetric"/> datapoint.</summary>
    public const string RegionDimension = "Region";

    public async Task<DnsChangeResponse> HandleAsync(DnsApplyRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var incidentId = ContractReader.NonBlank(request.IncidentId, "incidentId");
        var desired = DesiredWeights.Validate(request.DesiredWeights, configuration.Topology);
        var dns = configuration.Dns;
        var listed = await route53.ListRecordSetsAsync(dns.HostedZoneId, dns.RecordName, dns.RecordType, cancellationToken);
        var current = ManagedRecords.Find(listed, configuration.Topology, dns);
        var plan = PairChange.Plan(current, desired, incidentId);

        var submitted = plan.Batch is null ? null : await RecordSwap.SubmitAsync(route53, dns, plan.Batch, current, cancellationToken);
        foreach (var change in plan.Changed)
        {
            invocation.Logger.Info(
                $"Weight of {change.SetIdentifier} changed from {change.From} to {change.To}",
                new LogField("setIdentifier", change.SetIdentifier),
                new LogField("changeId", submitted!.Id));
        }

        invocation.Logger.Info(
            submitted is null ? "Records already as desired; nothing changed" : $"{plan.Changed.Count} record(s) changed in one batch",
            new LogField("unchanged", plan.Unchanged));
        invocation.WriteMetric("DnsRecordChanges", plan.Changed.Count, MetricUnit.Count);

        // The weights the records hold now, per Region: the dashboard's record weights and traffic split.
        foreach (var weight in desired)
        {
            invocation.WriteMetric(RecordWeightMetric, weight.Weight, MetricUnit.None, new MetricDimension(RegionDimension, weight.Region));
        }

        return new DnsChangeResponse(
            submitted is null ? [] : [submitted.Id],
            submitted is null || submitted.Status == ChangeStatus.InSync ? ChangePropagation.InSync : ChangePropagation.Pending,
            submitted?.SubmittedAt ?? timeProvider.GetUtcNow(),
            Changed: plan.Changed,
            Unchanged: plan.Unchanged);
    }
}
