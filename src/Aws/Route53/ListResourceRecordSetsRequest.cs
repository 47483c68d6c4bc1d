namespace DrLambdas.Aws.Route53;

/// <summary>Input of <c>ListResourceRecordSets</c>; pass a page's <c>Next*</c> values to read the following page.</summary>
/// <param name="HostedZoneId">The zone, <c>Z123</c> or <c>/hostedzone/Z123</c>.</param>
/// <param name="StartRecordName">First name to list (inclusive).</param>
/// <param name="StartRecordType">First type at that name; requires <paramref name="StartRecordName"/>.</param>
/// <param name="StartRecordIdentifier">First set identifier at that name and type; requires both above.</param>
/// <param name="MaxItems">Page size, 1-300 (Route 53 default 300).</param>
public sealed record ListResourceRecordSetsRequest(
    string HostedZoneId,
    string? StartRecordName = null,
    string? StartRecordType = null,
    string? StartRecordIdentifier = null,
    int? MaxItems = null);

/// <summary>One page of record sets.</summary>
/// <param name="RecordSets">The record sets of this page.</param>
/// <param name="IsTruncated">True when another page follows.</param>
/// <param name="NextRecordName">Start name of the next page.</param>
/// <param name="NextRecordType">Start type of the next page.</param>
/// <param name="NextRecordIdentifier">Start set identifier of the next page.</param>
public sealed record ResourceRecordSetPage(
    IReadOnlyList<ResourceRecordSet> RecordSets,
    bool IsTruncated,
    string? NextRecordName,
    string? NextRecordType,
    string? NextRecordIdentifier)
{
    /// <summary>The request for the next page, or null when this is the last one.</summary>
    public ListResourceRecordSetsRequest? NextRequest(ListResourceRecordSetsRequest current) =>
        IsTruncated && NextRecordName is not null
            ? current with { StartRecordName = NextRecordName, StartRecordType = NextRecordType, StartRecordIdentifier = NextRecordIdentifier }
            : null;
}
