using System.Globalization;
using DrLambdas.Aws;
using DrLambdas.Aws.Route53;
using DrLambdas.Functions.Common;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Errors;

namespace DrLambdas.DnsUpdater;

/// <summary>
/// <c>apply</c>: converges the weighted records to the desired weights. Each record whose weight differs gets one
/// change batch that DELETEs the exact record just read and CREATEs it with the new weight — a compare-and-swap
/// that Route 53 rejects if someone changed the record meanwhile. Records already as desired are left alone.
/// </summary>
internal sealed class ApplyOperation(DrConfiguration configuration, IRoute53Client route53, TimeProvider timeProvider)
{
    /// <summary>Route 53's error for a batch that does not apply, e.g. a DELETE that no longer matches.</summary>
    public const string InvalidChangeBatch = "InvalidChangeBatch";

    /// <summary>Route 53 limits change batch comments to 256 characters.</summary>
    public const int MaxCommentLength = 256;

    public async Task<DnsChangeResponse> HandleAsync(DnsApplyRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var incidentId = ContractReader.NonBlank(request.IncidentId, "incidentId");
        var desired = DesiredWeights.Validate(request.DesiredWeights, configuration.Topology);
        var dns = configuration.Dns;
        var current = await route53.ListRecordSetsAsync(dns.HostedZoneId, dns.RecordName, dns.RecordType, cancellationToken);

        var plan = desired.Select(weight => (Record: Find(current, weight.SetIdentifier), Desired: weight.Weight)).ToList();
        var changes = plan
            .Where(entry => entry.Record.Weight != entry.Desired)
            .Select(entry => (entry.Record, From: (int)entry.Record.Weight!.Value, To: entry.Desired))
            // Raise before lowering, so the records never pass through an all-zero state (an even split).
            .OrderByDescending(entry => entry.To - entry.From)
            .ToList();

        var submitted = new List<ChangeInfo>();
        foreach (var change in changes)
        {
            submitted.Add(await SwapAsync(change.Record, change.To, incidentId, cancellationToken));
            invocation.Logger.Info(
                $"Weight of {change.Record.SetIdentifier} changed from {change.From} to {change.To}",
                new LogField("setIdentifier", change.Record.SetIdentifier),
                new LogField("changeId", submitted[^1].Id));
        }

        var unchanged = plan.Count - changes.Count;
        invocation.Logger.Info(
            changes.Count == 0 ? "Records already as desired; nothing changed" : $"{changes.Count} record(s) changed",
            new LogField("unchanged", unchanged));
        invocation.WriteMetric("DnsRecordChanges", changes.Count, MetricUnit.Count);
        return new DnsChangeResponse(
            submitted.Select(info => info.Id).ToList(),
            submitted.All(info => info.Status == ChangeStatus.InSync) ? ChangePropagation.InSync : ChangePropagation.Pending,
            submitted.Count > 0 ? submitted.Min(info => info.SubmittedAt) : timeProvider.GetUtcNow(),
            Changed: changes.Select(change => new WeightChange(change.Record.SetIdentifier!, change.From, change.To)).ToList(),
            Unchanged: unchanged);
    }

    private ResourceRecordSet Find(IReadOnlyList<ResourceRecordSet> current, string setIdentifier)
    {
        var dns = configuration.Dns;
        var record = current.FirstOrDefault(candidate => string.Equals(candidate.SetIdentifier, setIdentifier, StringComparison.Ordinal))
            ?? throw new ConfigurationException(
                $"No weighted record {dns.RecordName} {dns.RecordType} with set identifier '{setIdentifier}' exists in hosted zone {dns.HostedZoneId}.");
        return record.Weight is null
            ? throw new ConfigurationException($"Record {dns.RecordName} {dns.RecordType} '{setIdentifier}' is not a weighted record.")
            : record;
    }

    /// <summary>DELETE the record exactly as read, CREATE it with the new weight: alias target, TTL, values and health check kept.</summary>
    /// <exception cref="ConflictException">The record changed since it was read.</exception>
    private async Task<ChangeInfo> SwapAsync(ResourceRecordSet record, int weight, string incidentId, CancellationToken cancellationToken)
    {
        var comment = string.Create(CultureInfo.InvariantCulture,
            $"DrLambdas incident {incidentId}: {record.SetIdentifier} weight {record.Weight} -> {weight}");
        var batch = new ChangeBatch(
            [
                new ResourceRecordSetChange(ChangeAction.Delete, record),
                new ResourceRecordSetChange(ChangeAction.Create, record with { Weight = weight }),
            ],
            comment.Length <= MaxCommentLength ? comment : comment[..MaxCommentLength]);
        try
        {
            return await route53.ChangeResourceRecordSetsAsync(configuration.Dns.HostedZoneId, batch, cancellationToken);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == InvalidChangeBatch)
        {
            throw new ConflictException(
                $"Record {record.Name} '{record.SetIdentifier}' changed since it was read (weight {record.Weight}); the compare-and-swap was refused: {exception.ErrorMessage}",
                exception);
        }
    }
}
