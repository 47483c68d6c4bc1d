using DrLambdas.Aws.Route53;
using DrLambdas.Errors;
using DrLambdas.Shared.Configuration;

namespace DrLambdas.DnsUpdater;

/// <summary>Picks the managed pair of weighted records, exactly as read, out of a listing of the record name and type.</summary>
internal static class ManagedRecords
{
    /// <summary>The primary's and the secondary's record, in that order.</summary>
    /// <exception cref="ConfigurationException">A managed record is missing, not weighted, or owned by a traffic policy.</exception>
    public static IReadOnlyList<ResourceRecordSet> Find(IReadOnlyList<ResourceRecordSet> listed, DrTopology topology, DnsSettings dns)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(dns);
        return topology.Sites.Select(site => FindOne(listed, site.SetIdentifier, dns)).ToList();
    }

    private static ResourceRecordSet FindOne(IReadOnlyList<ResourceRecordSet> listed, string setIdentifier, DnsSettings dns)
    {
        var label = $"{dns.RecordName} {dns.RecordType} '{setIdentifier}'";
        var record = listed.WithSetIdentifier(setIdentifier)
            ?? throw new ConfigurationException(
                $"No weighted record {dns.RecordName} {dns.RecordType} with set identifier '{setIdentifier}' exists in hosted zone {dns.HostedZoneId}.");
        if (record.Weight is not { } weight || weight is < 0 or > Shared.Domain.RecordWeight.MaxWeight)
        {
            throw new ConfigurationException($"Record {label} is not a weighted record.");
        }

        // Route 53 leaves a policy-owned record's instance behind (and billed) when the record is deleted directly.
        return record.TrafficPolicyInstanceId is { } instance
            ? throw new ConfigurationException($"Record {label} belongs to traffic policy instance {instance}; DnsUpdater does not rewrite policy records.")
            : record;
    }
}
