namespace DrLambdas.Aws.Route53;

/// <summary>Rejects requests Route 53 would reject, before anything is sent.</summary>
internal static class Route53Validation
{
    public static void ValidateListRequest(ListResourceRecordSetsRequest request)
    {
        if (request.StartRecordType is not null && request.StartRecordName is null)
        {
            throw new ArgumentException("StartRecordType requires StartRecordName.", nameof(request));
        }

        if (request.StartRecordIdentifier is not null && request.StartRecordType is null)
        {
            throw new ArgumentException("StartRecordIdentifier requires StartRecordName and StartRecordType.", nameof(request));
        }

        if (request.MaxItems is < 1 or > 300)
        {
            throw new ArgumentException($"MaxItems {request.MaxItems} is outside 1-300.", nameof(request));
        }
    }

    public static void ValidateChangeBatch(ChangeBatch batch)
    {
        if (batch.Changes is null || batch.Changes.Count == 0)
        {
            throw new ArgumentException("A change batch needs at least one change.", nameof(batch));
        }

        if (batch.Comment is { Length: > 256 })
        {
            throw new ArgumentException("The change batch comment is longer than 256 characters.", nameof(batch));
        }

        foreach (var change in batch.Changes)
        {
            ValidateChange(change);
        }
    }

    private static void ValidateChange(ResourceRecordSetChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!Enum.IsDefined(change.Action))
        {
            throw new ArgumentException($"Unknown change action {change.Action}.", nameof(change));
        }

        var set = change.RecordSet ?? throw new ArgumentException("A change needs a record set.", nameof(change));
        var label = $"record set '{set.Name}' {set.Type} '{set.SetIdentifier}'";
        if (string.IsNullOrWhiteSpace(set.Name) || string.IsNullOrWhiteSpace(set.Type))
        {
            throw new ArgumentException("A record set needs a name and a type.", nameof(change));
        }

        if (set.Weight is { } weight && (weight < 0 || weight > 255))
        {
            throw new ArgumentException($"Weight {weight} of {label} is outside 0-255.", nameof(change));
        }

        if (set.Weight is not null && string.IsNullOrEmpty(set.SetIdentifier))
        {
            throw new ArgumentException($"The weighted {label} needs a SetIdentifier.", nameof(change));
        }

        if (set.AliasTarget is not null)
        {
            if (set.Ttl is not null || set.ResourceRecords.Count > 0)
            {
                throw new ArgumentException($"The alias {label} must not have a TTL or resource records.", nameof(change));
            }
        }
        else if (set.Ttl is null || set.ResourceRecords.Count == 0)
        {
            throw new ArgumentException($"The {label} needs either an alias target, or a TTL and resource records.", nameof(change));
        }

        if (set.Ttl is < 0)
        {
            throw new ArgumentException($"TTL {set.Ttl} of {label} is negative.", nameof(change));
        }
    }
}
