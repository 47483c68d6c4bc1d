namespace DrLambdas.Aws.Route53;

/// <summary>Comparison form of DNS names as Route 53 returns them.</summary>
public static class DnsNames
{
    /// <summary>Lower-cases the name and adds the trailing dot Route 53 always returns.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.Trim().ToLowerInvariant();
        return lower.EndsWith('.') ? lower : lower + ".";
    }
}
