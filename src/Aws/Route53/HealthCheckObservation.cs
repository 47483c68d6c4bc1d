namespace DrLambdas.Aws.Route53;

/// <summary>What one Route 53 health checker last saw.</summary>
/// <param name="Region">The checker's Region, e.g. <c>ap-southeast-1</c>.</param>
/// <param name="IpAddress">The checker's IP address.</param>
/// <param name="Status">The checker's report, e.g. <c>Success: HTTP Status Code 200, OK</c>.</param>
/// <param name="CheckedTime">When the check ran.</param>
public sealed record HealthCheckObservation(string? Region, string? IpAddress, string? Status, DateTimeOffset? CheckedTime)
{
    /// <summary>True when the checker's last report starts with <c>Success</c>.</summary>
    public bool IsHealthy => Status?.StartsWith("Success", StringComparison.OrdinalIgnoreCase) == true;
}
