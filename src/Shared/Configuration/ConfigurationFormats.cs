using System.Text.RegularExpressions;

namespace DrLambdas.Shared.Configuration;

/// <summary>The shapes configured identifiers must have.</summary>
internal static partial class ConfigurationFormats
{
    public static readonly IReadOnlyList<string> RecordTypes = ["A", "AAAA", "CNAME"];

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    public static partial Regex RegionName();

    [GeneratedRegex("^arn:aws[a-z-]*:rds:(?<region>[a-z0-9-]+):[0-9]{12}:cluster:[A-Za-z][A-Za-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    public static partial Regex ClusterArn();

    [GeneratedRegex("^arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:stateMachine:[A-Za-z0-9_-]{1,80}$", RegexOptions.CultureInvariant)]
    public static partial Regex StateMachineArn();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,254}$", RegexOptions.CultureInvariant)]
    public static partial Regex GlobalClusterId();

    [GeneratedRegex("^Z[A-Z0-9]{1,31}$", RegexOptions.CultureInvariant)]
    public static partial Regex HostedZoneId();

    /// <summary>An absolute SSM parameter path (hierarchy levels of letters, digits, <c>. - _</c>), no trailing slash.</summary>
    [GeneratedRegex("^(/[A-Za-z0-9._-]+)+$", RegexOptions.CultureInvariant)]
    public static partial Regex ParameterPath();
}
