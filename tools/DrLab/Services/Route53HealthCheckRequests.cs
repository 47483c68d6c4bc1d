using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Xml;
using System.Xml.Linq;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// Reads a CreateHealthCheckRequest document and validates it as Route 53 does (InvalidInput for any violation,
/// nothing created). The lab models endpoint checks (HTTP, HTTPS, their _STR_MATCH forms, TCP); calculated, CloudWatch
/// metric and recovery control checks are refused as not modelled.
/// </summary>
internal static class Route53HealthCheckRequests
{
    private static readonly HashSet<string> EndpointTypes = new(["HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP"], StringComparer.Ordinal);

    private static readonly HashSet<string> OtherTypes = new(["CALCULATED", "CLOUDWATCH_METRIC", "RECOVERY_CONTROL"], StringComparer.Ordinal);

    /// <summary>Route 53's default checker Regions (the eight it probes from unless told otherwise).</summary>
    private static readonly HashSet<string> CheckerRegions = new(WorldDefinition.HealthCheckers.Select(c => c.Region), StringComparer.Ordinal);

    public static (string CallerReference, HealthCheckConfig Config) ReadCreate(byte[] body)
    {
        var root = Load(body);
        var reference = Child(root, "CallerReference")?.Value;
        if (string.IsNullOrEmpty(reference) || reference.Length > 64)
        {
            throw Invalid("CallerReference is required and must be 1 to 64 characters long.");
        }

        var config = Child(root, "HealthCheckConfig") ?? throw Invalid("HealthCheckConfig is required.");
        return (reference, ReadConfig(config));
    }

    private static HealthCheckConfig ReadConfig(XElement config)
    {
        var type = Child(config, "Type")?.Value ?? throw Invalid("HealthCheckConfig.Type is required.");
        if (OtherTypes.Contains(type))
        {
            throw Invalid($"Health check type {type} is not modelled by the lab (endpoint checks only: {string.Join(", ", EndpointTypes)}).");
        }

        if (!EndpointTypes.Contains(type))
        {
            throw Invalid($"Value '{type}' at 'healthCheckConfig.type' failed to satisfy constraint: Member must satisfy enum value set.");
        }

        var ip = Child(config, "IPAddress")?.Value;
        var name = Child(config, "FullyQualifiedDomainName")?.Value;
        if (ip is null && name is null)
        {
            throw Invalid("A health check of type " + type + " needs an IPAddress or a FullyQualifiedDomainName.");
        }

        if (ip is not null)
        {
            CheckAddress(ip);
        }

        if (name is { Length: > 255 })
        {
            throw Invalid("FullyQualifiedDomainName must be at most 255 characters long.");
        }

        var path = Child(config, "ResourcePath")?.Value;
        if (path is { Length: > 255 })
        {
            throw Invalid("ResourcePath must be at most 255 characters long.");
        }

        var search = Child(config, "SearchString")?.Value;
        if (type.EndsWith("_STR_MATCH", StringComparison.Ordinal) != search is not null || search is { Length: > 255 })
        {
            throw Invalid("SearchString is required with (and only with) the _STR_MATCH types, at most 255 characters.");
        }

        var https = type.StartsWith("HTTPS", StringComparison.Ordinal);
        var port = Int(config, "Port") ?? (type == "TCP" ? null : https ? 443 : 80);
        if (port is < 1 or > 65535 || (type == "TCP" && port is null))
        {
            throw Invalid("Port must be between 1 and 65535 (and is required for TCP).");
        }

        var interval = Int(config, "RequestInterval") ?? 30;
        if (interval is not (10 or 30))
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"RequestInterval must be 10 or 30, got {interval}."));
        }

        var threshold = Int(config, "FailureThreshold") ?? 3;
        if (threshold is < 1 or > 10)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"FailureThreshold must be between 1 and 10, got {threshold}."));
        }

        var regions = Child(config, "Regions")?.Elements().Select(e => e.Value).ToList() ?? [];
        if (regions.Count > 0 && (regions.Count < 3 || regions.Any(r => !CheckerRegions.Contains(r)) || regions.Distinct(StringComparer.Ordinal).Count() != regions.Count))
        {
            throw Invalid($"Regions must name at least 3 distinct health checker Regions of {string.Join(", ", CheckerRegions)}.");
        }

        return new HealthCheckConfig(
            type, ip, port, path, name, search, interval, threshold,
            Bool(config, "MeasureLatency") ?? false,
            Bool(config, "Inverted") ?? false,
            Bool(config, "Disabled") ?? false,
            Bool(config, "EnableSNI") ?? https,
            regions);
    }

    /// <summary>Route 53 cannot check local, private, non-routable or multicast addresses (RFC 5735, 6598, 5156).</summary>
    private static void CheckAddress(string text)
    {
        if (!IPAddress.TryParse(text, out var address))
        {
            throw Invalid($"IPAddress '{text}' is not an IPv4 or IPv6 address.");
        }

        var refused = address.AddressFamily == AddressFamily.InterNetwork
            ? address.GetAddressBytes() switch
            {
                [0, ..] or [10, ..] or [127, ..] or [169, 254, ..] or [192, 168, ..] or [192, 0, 0, _] or [192, 0, 2, _] => true,
                [172, var b, ..] when b is >= 16 and <= 31 => true,
                [100, var b, ..] when b is >= 64 and <= 127 => true,
                [198, var b, ..] when b is 18 or 19 => true,
                [198, 51, 100, _] or [203, 0, 113, _] => true,
                [var a, ..] when a >= 224 => true,
                _ => false,
            }
            : address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || IPAddress.IsLoopback(address)
              || address.GetAddressBytes() is [0xfc or 0xfd, ..] or [0x20, 0x01, 0x0d, 0xb8, ..];
        if (refused)
        {
            throw Invalid($"IP address '{text}' is in a local, private, non-routable, or multicast range; Route 53 cannot check it.");
        }
    }

    private static XElement Load(byte[] body)
    {
        try
        {
            using var stream = new MemoryStream(body);
            var root = XDocument.Load(stream).Root;
            return root is not null && root.Name.LocalName == "CreateHealthCheckRequest"
                ? root
                : throw Invalid("the document element must be CreateHealthCheckRequest.");
        }
        catch (XmlException ex)
        {
            throw new LabError("InvalidInput", $"Invalid XML ; {ex.Message}");
        }
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, localName, StringComparison.Ordinal));

    private static int? Int(XElement parent, string name) => Child(parent, name)?.Value is not { } text
        ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid($"{name} '{text}' is not an integer.");

    private static bool? Bool(XElement parent, string name) => Child(parent, name)?.Value is not { } text
        ? null
        : bool.TryParse(text, out var value) ? value : throw Invalid($"{name} '{text}' is not a boolean.");

    private static LabError Invalid(string message) => new("InvalidInput", "Invalid request: " + message);
}
