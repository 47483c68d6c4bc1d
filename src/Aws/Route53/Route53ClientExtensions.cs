namespace DrLambdas.Aws.Route53;

/// <summary>Pagination helpers over <see cref="IRoute53Client"/>.</summary>
public static class Route53ClientExtensions
{
    /// <summary>
    /// Lists the record sets named <paramref name="recordName"/> with type <paramref name="recordType"/> (every set
    /// identifier), following pages until the listing moves past that name and type.
    /// </summary>
    public static async Task<IReadOnlyList<ResourceRecordSet>> ListRecordSetsAsync(
        this IRoute53Client client,
        string hostedZoneId,
        string recordName,
        string recordType,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var wantedName = DnsNames.Normalize(recordName);
        var found = new List<ResourceRecordSet>();
        ListResourceRecordSetsRequest? request = new(hostedZoneId, recordName, recordType);
        while (request is not null)
        {
            var page = await client.ListResourceRecordSetsAsync(request, cancellationToken);
            foreach (var set in page.RecordSets)
            {
                if (DnsNames.Normalize(set.Name) != wantedName || !string.Equals(set.Type, recordType, StringComparison.OrdinalIgnoreCase))
                {
                    return found;
                }

                found.Add(set);
            }

            request = page.NextRequest(request);
        }

        return found;
    }
}
