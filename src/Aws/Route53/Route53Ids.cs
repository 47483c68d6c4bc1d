namespace DrLambdas.Aws.Route53;

/// <summary>Accepts Route 53 ids with or without their resource prefix (<c>/hostedzone/</c>, <c>/change/</c>).</summary>
internal static class Route53Ids
{
    public static string HostedZone(string? id) => Strip(Required(id, "hostedZoneId"), "/hostedzone/");

    public static string Change(string? id) => Strip(Required(id, "changeId"), "/change/");

    public static string Required(string? id, string name)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException($"{name} is required.", name);
        }

        return id.Trim();
    }

    private static string Strip(string id, string prefix)
    {
        var bare = id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? id[prefix.Length..] : id;
        return bare.Length > 0 && !bare.Contains('/', StringComparison.Ordinal)
            ? bare
            : throw new ArgumentException($"'{id}' is not a Route 53 id.", nameof(id));
    }
}
