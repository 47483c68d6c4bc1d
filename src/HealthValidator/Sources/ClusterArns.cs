namespace DrLambdas.HealthValidator.Sources;

/// <summary>Reads the parts of an Aurora cluster ARN (<c>arn:aws:rds:REGION:ACCOUNT:cluster:NAME</c>).</summary>
internal static class ClusterArns
{
    /// <summary>The Region of the ARN, or null when it is not a cluster ARN.</summary>
    public static string? RegionOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 7 && parts[2] == "rds" && parts[5] == "cluster" && parts[3].Length > 0 ? parts[3] : null;
    }

    /// <summary>The cluster identifier (the last part of the ARN, or the value itself when it is not an ARN).</summary>
    public static string IdentifierOf(string arnOrIdentifier)
    {
        var index = arnOrIdentifier.LastIndexOf(':');
        return index < 0 ? arnOrIdentifier : arnOrIdentifier[(index + 1)..];
    }
}
