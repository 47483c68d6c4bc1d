using DrLambdas.Aws.Route53;
using DrLambdas.Functions.Common;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.DnsUpdater;

/// <summary>
/// <c>associate</c>: gates each managed weighted record with its Region's health check (<c>DR_PRIMARY_HEALTH_CHECK_ID</c>,
/// <c>DR_SECONDARY_HEALTH_CHECK_ID</c>), so that Route 53's data plane leaves a failed Region out of its answers with
/// no API call. Convergent: it reads the records, swaps only those whose health check differs (weights and every
/// other field kept, <see cref="AssociationChange"/>), and a second run changes nothing. The stack does not own the
/// records (an update would reset the weights the state machine set); this operation is how health checks reach them,
/// after the first deployment and after every change of health checks (a new RequestInterval means new checks).
/// </summary>
internal sealed class AssociateOperation(DrConfiguration configuration, IRoute53Client route53, TimeProvider timeProvider)
{
    public async Task<DnsAssociateResponse> HandleAsync(DnsAssociateRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var dns = configuration.Dns;
        var listed = await route53.ListRecordSetsAsync(dns.HostedZoneId, dns.RecordName, dns.RecordType, cancellationToken);
        var current = ManagedRecords.Find(listed, configuration.Topology, dns);
        var plan = AssociationChange.Plan(current, configuration.Topology, request.RequestedBy);
        var submitted = plan.Batch is null ? null : await RecordSwap.SubmitAsync(route53, dns, plan.Batch, current, cancellationToken);
        foreach (var association in plan.Changed)
        {
            invocation.Logger.Info(
                $"Health check of {association.SetIdentifier} changed from {association.From ?? "none"} to {association.To}",
                new LogField("setIdentifier", association.SetIdentifier),
                new LogField("changeId", submitted!.Id));
        }

        invocation.Logger.Info(
            submitted is null ? "Every record already carries its health check; nothing changed" : $"{plan.Changed.Count} record(s) re-pointed in one batch",
            new LogField("unchanged", plan.Unchanged));
        invocation.WriteMetric("DnsHealthCheckAssociations", plan.Changed.Count, MetricUnit.Count);
        return new DnsAssociateResponse(
            submitted is null ? [] : [submitted.Id],
            submitted is null || submitted.Status == ChangeStatus.InSync ? ChangePropagation.InSync : ChangePropagation.Pending,
            submitted?.SubmittedAt ?? timeProvider.GetUtcNow(),
            plan.Changed,
            plan.Unchanged);
    }
}
