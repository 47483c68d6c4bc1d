namespace DrLambdas.Aws.Route53;

/// <summary>
/// A Route 53 record set with every element the API defines for a weighted record, so that a record read can be
/// DELETEd exactly (Route 53 requires every value to match). Either <see cref="AliasTarget"/> is set, or
/// <see cref="Ttl"/> and <see cref="ResourceRecords"/> are.
/// </summary>
/// <param name="Name">Fully qualified name, e.g. <c>api.example.com.</c>.</param>
/// <param name="Type">Record type, e.g. <c>A</c>, <c>CNAME</c>.</param>
/// <param name="SetIdentifier">Distinguishes the weighted records sharing a name and type.</param>
/// <param name="Weight">Weight 0-255 of a weighted record; null for a simple record.</param>
/// <param name="Ttl">Time to live in seconds (not for alias records).</param>
/// <param name="ResourceRecords">The record values (not for alias records).</param>
/// <param name="AliasTarget">The alias target, for alias records.</param>
/// <param name="HealthCheckId">The health check that gates this record.</param>
/// <param name="TrafficPolicyInstanceId">
/// The traffic policy instance that created this record, if any; such a record belongs to the policy and is
/// managed through it, not through <c>ChangeResourceRecordSets</c>.
/// </param>
public sealed record ResourceRecordSet(
    string Name,
    string Type,
    string? SetIdentifier = null,
    long? Weight = null,
    long? Ttl = null,
    IReadOnlyList<string>? ResourceRecords = null,
    AliasTarget? AliasTarget = null,
    string? HealthCheckId = null,
    string? TrafficPolicyInstanceId = null)
{
    /// <summary>The record values; empty for alias records.</summary>
    public IReadOnlyList<string> ResourceRecords { get; init; } = ResourceRecords ?? [];
}

/// <summary>The AWS resource an alias record points at.</summary>
/// <param name="HostedZoneId">The target's hosted zone id (e.g. the load balancer's canonical zone).</param>
/// <param name="DnsName">The target's DNS name.</param>
/// <param name="EvaluateTargetHealth">Whether Route 53 considers the target's health.</param>
public sealed record AliasTarget(string HostedZoneId, string DnsName, bool EvaluateTargetHealth);
