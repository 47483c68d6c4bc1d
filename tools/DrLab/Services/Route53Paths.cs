using System.Text.RegularExpressions;

namespace DrLambdas.DrLab.Services;

/// <summary>The Route 53 restXml resource paths the lab serves; the first group is the resource id.</summary>
internal static partial class Route53Paths
{
    [GeneratedRegex("^/2013-04-01/hostedzone/([^/]+)/rrset/?$")]
    public static partial Regex RecordSets();

    [GeneratedRegex("^/2013-04-01/change/(?:change/)?([^/]+)$")]
    public static partial Regex Change();

    [GeneratedRegex("^/2013-04-01/healthcheck/([^/]+)/status$")]
    public static partial Regex HealthCheckStatus();

    [GeneratedRegex("^/2013-04-01/healthcheck/?$")]
    public static partial Regex HealthChecks();

    [GeneratedRegex("^/2013-04-01/healthcheck/([^/]+)$")]
    public static partial Regex HealthCheck();
}
