namespace DrLambdas.Aws.Route53;

/// <summary>Lookups in a listing of record sets.</summary>
public static class ResourceRecordSetListExtensions
{
    /// <summary>The record whose set identifier is <paramref name="setIdentifier"/>, or null when the listing has none.</summary>
    public static ResourceRecordSet? WithSetIdentifier(this IEnumerable<ResourceRecordSet> records, string? setIdentifier)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.FirstOrDefault(record => string.Equals(record.SetIdentifier, setIdentifier, StringComparison.Ordinal));
    }
}
