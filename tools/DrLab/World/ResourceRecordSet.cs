namespace DrLambdas.DrLab.World;

/// <summary>A Route 53 record set as the lab stores it (names normalised: lower case, trailing dot).</summary>
internal sealed record ResourceRecordSet(
    string Name,
    string Type,
    string? SetIdentifier,
    long? Weight,
    long? Ttl,
    IReadOnlyList<string> Values,
    AliasTarget? AliasTarget,
    string? HealthCheckId,
    string? Region,
    string? Failover)
{
    /// <summary>Name, type and set identifier: what makes a record set unique in a zone.</summary>
    public (string Name, string Type, string SetIdentifier) Key => (Name, Type, SetIdentifier ?? string.Empty);

    /// <summary>Whether every value matches, as a DELETE requires (record values compared as sets).</summary>
    public bool SameValuesAs(ResourceRecordSet other) =>
        Key == other.Key
        && Weight == other.Weight
        && Ttl == other.Ttl
        && string.Equals(HealthCheckId, other.HealthCheckId, StringComparison.Ordinal)
        && string.Equals(Region, other.Region, StringComparison.Ordinal)
        && string.Equals(Failover, other.Failover, StringComparison.Ordinal)
        && Equals(AliasTarget, other.AliasTarget)
        && Values.Order(StringComparer.Ordinal).SequenceEqual(other.Values.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>How Route 53 names a record set in its error messages.</summary>
    public string Describe() => SetIdentifier is null
        ? $"[name='{Name}', type='{Type}']"
        : $"[name='{Name}', type='{Type}', set-identifier='{SetIdentifier}']";

    /// <summary>Lower case with a trailing dot.</summary>
    public static string NormalizeName(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower.EndsWith('.') ? lower : lower + ".";
    }

    /// <summary>Route 53's listing order: labels reversed, then type, then set identifier.</summary>
    public static string SortKey(string name) =>
        string.Join('.', name.TrimEnd('.').Split('.').Reverse());
}

/// <summary>An alias record's target.</summary>
internal sealed record AliasTarget(string HostedZoneId, string DnsName, bool EvaluateTargetHealth);
