using System.Globalization;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// Route 53's health check API (CreateHealthCheck, GetHealthCheck, ListHealthChecks, DeleteHealthCheck) over the
/// deployment's registry, element names as the Route 53 API reference spells them. A created check probes the lab
/// Region whose endpoint its FullyQualifiedDomainName names (<see cref="WorldDefinition.EndpointName"/>), with its own
/// interval and threshold; any other endpoint is outside the lab and times out. The two built-in checks of the world
/// definition are listed and read like created ones, and cannot be deleted.
/// </summary>
internal static class Route53HealthChecks
{
    private const int DefaultMaxItems = 100;
    private const int MaxMaxItems = 1000;

    public static AwsReply Create(AwsCall call, WorldState world)
    {
        var (reference, config) = Route53HealthCheckRequests.ReadCreate(call.Body);
        var target = world.Definition.RegionOfEndpoint(config.FullyQualifiedDomainName);
        var (check, isNew) = world.Deployment.HealthChecks.Create(reference, config, target, world.Now);
        if (isNew)
        {
            world.Checkers.Track(check, world.Now);
        }

        using var xml = new XmlOut("CreateHealthCheckResponse", AwsErrors.XmlNamespace("route53"));
        WriteHealthCheck(xml, check);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["x-amzn-RequestId"] = call.RequestId,
            ["Location"] = $"https://route53.amazonaws.com/2013-04-01/healthcheck/{check.Id}",
        };
        return new AwsReply(201, "text/xml", xml.Finish(), headers)
        {
            LogDetail = $"{check.Id} {(isNew ? "created" : "existing")} {target ?? "outside the lab"} {config.RequestInterval}s x{config.FailureThreshold}",
        };
    }

    public static AwsReply Get(AwsCall call, WorldState world)
    {
        var id = Route53Paths.HealthCheck().Match(call.Path).Groups[1].Value;
        var check = Find(world, id) ?? throw HealthCheckRegistry.NoSuchHealthCheck(id);
        using var xml = new XmlOut("GetHealthCheckResponse", AwsErrors.XmlNamespace("route53"));
        WriteHealthCheck(xml, check);
        return Reply(call, xml.Finish()) with { LogDetail = check.Id };
    }

    public static AwsReply List(AwsCall call, WorldState world)
    {
        var maxItems = DefaultMaxItems;
        if (call.Param("maxitems") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out maxItems) || maxItems < 1))
        {
            throw new LabError("InvalidInput", $"Invalid request: maxitems '{text}' must be a positive integer.");
        }

        maxItems = Math.Min(maxItems, MaxMaxItems);
        var all = All(world);
        var start = 0;
        if (call.Param("marker") is { } marker)
        {
            start = all.FindIndex(c => string.Equals(c.Id, marker, StringComparison.OrdinalIgnoreCase));
            if (start < 0)
            {
                throw new LabError("InvalidInput", $"Invalid request: marker '{marker}' is not the id of a health check.");
            }
        }

        var page = all.Skip(start).Take(maxItems).ToList();
        var truncated = start + page.Count < all.Count;
        using var xml = new XmlOut("ListHealthChecksResponse", AwsErrors.XmlNamespace("route53"));
        xml.Start("HealthChecks");
        foreach (var check in page)
        {
            WriteHealthCheck(xml, check);
        }

        xml.End().Element("Marker", call.Param("marker") ?? string.Empty).Element("IsTruncated", truncated);
        if (truncated)
        {
            xml.Element("NextMarker", all[start + page.Count].Id);
        }

        xml.Element("MaxItems", maxItems);
        return Reply(call, xml.Finish()) with { LogDetail = string.Create(CultureInfo.InvariantCulture, $"{page.Count} health checks") };
    }

    public static AwsReply Delete(AwsCall call, WorldState world)
    {
        var id = Route53Paths.HealthCheck().Match(call.Path).Groups[1].Value;
        if (world.Checkers.RegionOfHealthCheck(id) is { } region)
        {
            throw new LabError("InvalidInput", $"Invalid request: {id} is the lab's built-in health check of {region}; the lab does not delete it.");
        }

        var check = world.Deployment.HealthChecks.Delete(id);
        world.Checkers.Forget(check.Id);
        using var xml = new XmlOut("DeleteHealthCheckResponse", AwsErrors.XmlNamespace("route53"));
        return Reply(call, xml.Finish()) with { LogDetail = check.Id + " deleted" };
    }

    /// <summary>The built-in checks as the API shows them, then the created ones in creation order.</summary>
    private static List<CreatedHealthCheck> All(WorldState world) =>
        [.. world.Definition.Regions.Select(r => BuiltIn(world, r)), .. world.Deployment.HealthChecks.All];

    private static CreatedHealthCheck? Find(WorldState world, string id) =>
        world.Checkers.RegionOfHealthCheck(id) is { } region ? BuiltIn(world, region) : world.Deployment.HealthChecks.Find(id);

    private static CreatedHealthCheck BuiltIn(WorldState world, string region)
    {
        var durations = world.Profile.Durations;
        var config = new HealthCheckConfig(
            "HTTPS", null, 443, "/actuator/health", world.Definition.EndpointName(region).TrimEnd('.'), null,
            (int)durations.HealthCheckIntervalSeconds, durations.HealthCheckFailureThreshold, false, false, false, true, []);
        return new CreatedHealthCheck(world.Definition.HealthCheckIds[region], "drlab-built-in-" + region, config, region, world.Epoch);
    }

    private static void WriteHealthCheck(XmlOut xml, CreatedHealthCheck check)
    {
        var c = check.Config;
        xml.Start("HealthCheck").Element("Id", check.Id).Element("CallerReference", check.CallerReference).Start("HealthCheckConfig")
            .Element("IPAddress", c.IpAddress);
        if (c.Port is { } port)
        {
            xml.Element("Port", port);
        }

        xml.Element("Type", c.Type)
            .Element("ResourcePath", c.ResourcePath)
            .Element("FullyQualifiedDomainName", c.FullyQualifiedDomainName)
            .Element("SearchString", c.SearchString)
            .Element("RequestInterval", c.RequestInterval)
            .Element("FailureThreshold", c.FailureThreshold)
            .Element("MeasureLatency", c.MeasureLatency)
            .Element("Inverted", c.Inverted)
            .Element("Disabled", c.Disabled)
            .Element("EnableSNI", c.EnableSni);
        if (c.Regions.Count > 0)
        {
            xml.Start("Regions");
            foreach (var region in c.Regions)
            {
                xml.Element("Region", region);
            }

            xml.End();
        }

        xml.End().Element("HealthCheckVersion", CreatedHealthCheck.Version).End();
    }

    private static AwsReply Reply(AwsCall call, string body) =>
        new(200, "text/xml", body, new Dictionary<string, string>(StringComparer.Ordinal) { ["x-amzn-RequestId"] = call.RequestId });
}
