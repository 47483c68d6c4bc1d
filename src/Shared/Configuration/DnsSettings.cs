namespace DrLambdas.Shared.Configuration;

/// <summary>The Route 53 weighted records that steer traffic.</summary>
/// <param name="HostedZoneId">The hosted zone id.</param>
/// <param name="RecordName">The record name, lower case with a trailing dot.</param>
/// <param name="RecordType">The record type (A, AAAA or CNAME).</param>
public sealed record DnsSettings(string HostedZoneId, string RecordName, string RecordType);
