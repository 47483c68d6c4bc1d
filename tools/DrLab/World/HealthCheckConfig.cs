namespace DrLambdas.DrLab.World;

/// <summary>
/// A Route 53 <c>HealthCheckConfig</c> as CreateHealthCheck stored it, with Route 53's defaults applied (port 80/443,
/// interval 30, threshold 3, SNI on for HTTPS, every checker Region).
/// </summary>
internal sealed record HealthCheckConfig(
    string Type,
    string? IpAddress,
    int? Port,
    string? ResourcePath,
    string? FullyQualifiedDomainName,
    string? SearchString,
    int RequestInterval,
    int FailureThreshold,
    bool MeasureLatency,
    bool Inverted,
    bool Disabled,
    bool EnableSni,
    IReadOnlyList<string> Regions)
{
    /// <summary>Whether every setting equals <paramref name="other"/>'s (what CreateHealthCheck's idempotency compares).</summary>
    public bool SameSettingsAs(HealthCheckConfig other) =>
        this with { Regions = [] } == other with { Regions = [] } && Regions.SequenceEqual(other.Regions, StringComparer.Ordinal);
}

/// <summary>A health check created through the API.</summary>
/// <param name="Id">The id Route 53 assigned.</param>
/// <param name="CallerReference">The request's idempotency token.</param>
/// <param name="Config">Its settings.</param>
/// <param name="TargetRegion">The lab Region whose endpoint it probes, or null when it probes none of them.</param>
/// <param name="CreatedAt">When it was created.</param>
internal sealed record CreatedHealthCheck(string Id, string CallerReference, HealthCheckConfig Config, string? TargetRegion, DateTimeOffset CreatedAt)
{
    /// <summary>Route 53 starts at version 1 and counts UpdateHealthCheck calls, which the lab does not serve.</summary>
    public const long Version = 1;
}
