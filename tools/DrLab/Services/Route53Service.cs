using System.Globalization;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// Route 53 (restXml, 2013-04-01, global): ListResourceRecordSets, ChangeResourceRecordSets, GetChange,
/// GetHealthCheckStatus and the health check API (<see cref="Route53HealthChecks"/>) over the lab's hosted zone and
/// Route 53's modelled health checkers.
/// </summary>
internal sealed class Route53Service : IAwsService
{
    private const int MaxPageSize = 300;

    public string SigningName => "route53";

    public bool IsGlobal => true;

    /// <summary>The Route 53 API is one global endpoint whose control plane is in us-east-1; the fault takes it away.</summary>
    public bool IsReachable(WorldConditions conditions) => !conditions.Route53ApiUnreachable;

    public IReadOnlyCollection<AwsProtocol> Protocols { get; } = [AwsProtocol.RestXml];

    public string? JsonTargetPrefix => null;

    public string? RestOperation(string method, string path) => (method, path) switch
    {
        ("GET", _) when Route53Paths.RecordSets().IsMatch(path) => "ListResourceRecordSets",
        ("POST", _) when Route53Paths.RecordSets().IsMatch(path) => "ChangeResourceRecordSets",
        ("GET", _) when Route53Paths.Change().IsMatch(path) => "GetChange",
        ("GET", _) when Route53Paths.HealthCheckStatus().IsMatch(path) => "GetHealthCheckStatus",
        ("POST", _) when Route53Paths.HealthChecks().IsMatch(path) => "CreateHealthCheck",
        ("GET", _) when Route53Paths.HealthChecks().IsMatch(path) => "ListHealthChecks",
        ("GET", _) when Route53Paths.HealthCheck().IsMatch(path) => "GetHealthCheck",
        ("DELETE", _) when Route53Paths.HealthCheck().IsMatch(path) => "DeleteHealthCheck",
        _ => null,
    };

    public AwsReply Handle(AwsCall call, WorldState world) => call.Operation switch
    {
        "ListResourceRecordSets" => List(call, world),
        "ChangeResourceRecordSets" => Change(call, world),
        "GetChange" => GetChange(call, world),
        "GetHealthCheckStatus" => HealthCheckStatus(call, world),
        "CreateHealthCheck" => Route53HealthChecks.Create(call, world),
        "ListHealthChecks" => Route53HealthChecks.List(call, world),
        "GetHealthCheck" => Route53HealthChecks.Get(call, world),
        "DeleteHealthCheck" => Route53HealthChecks.Delete(call, world),
        _ => throw AwsErrors.UnknownOperation(AwsProtocol.RestXml, call.Operation),
    };

    private static AwsReply List(AwsCall call, WorldState world)
    {
        RequireZone(Route53Paths.RecordSets().Match(call.Path).Groups[1].Value, world);
        var name = call.Param("name");
        var type = call.Param("type");
        var identifier = call.Param("identifier");
        if (type is not null && name is null)
        {
            throw new LabError("InvalidInput", "The input is not valid: type requires name.");
        }

        if (identifier is not null && type is null)
        {
            throw new LabError("InvalidInput", "The input is not valid: identifier requires name and type.");
        }

        var maxItems = MaxPageSize;
        if (call.Param("maxitems") is { } maxText
            && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxItems) || maxItems < 1))
        {
            throw new LabError("InvalidInput", $"The input is not valid: maxitems '{maxText}' must be a positive integer.");
        }

        maxItems = Math.Min(maxItems, MaxPageSize);
        var records = world.Zone.Records;
        var startKey = name is null ? null : Position(ResourceRecordSet.NormalizeName(name), type ?? string.Empty, identifier ?? string.Empty);
        var remaining = records.Where(r => startKey is null || string.CompareOrdinal(Position(r.Name, r.Type, r.SetIdentifier ?? string.Empty), startKey) >= 0).ToList();
        var page = remaining.Take(maxItems).ToList();
        var truncated = remaining.Count > page.Count;
        using var xml = new XmlOut("ListResourceRecordSetsResponse", AwsErrors.XmlNamespace("route53"));
        xml.Start("ResourceRecordSets");
        foreach (var record in page)
        {
            WriteRecord(xml, record);
        }

        xml.End().Element("IsTruncated", truncated);
        if (truncated)
        {
            var next = remaining[page.Count];
            xml.Element("NextRecordName", next.Name).Element("NextRecordType", next.Type).Element("NextRecordIdentifier", next.SetIdentifier);
        }

        xml.Element("MaxItems", maxItems);
        return Reply(call, xml.Finish()) with { LogDetail = string.Create(CultureInfo.InvariantCulture, $"{page.Count} record sets") };
    }

    private static AwsReply Change(AwsCall call, WorldState world)
    {
        RequireZone(Route53Paths.RecordSets().Match(call.Path).Groups[1].Value, world);
        var (changes, comment) = Route53ChangeBatchReader.Read(call.Body);
        var change = world.Zone.Apply(changes, comment, world.Now, world.Conditions);
        using var xml = new XmlOut("ChangeResourceRecordSetsResponse", AwsErrors.XmlNamespace("route53"));
        WriteChangeInfo(xml, change, world.Now);
        var detail = string.Join(' ', changes.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Action}:{c.RecordSet.SetIdentifier ?? c.RecordSet.Name}={c.RecordSet.Weight?.ToString(CultureInfo.InvariantCulture) ?? "-"}")));
        return Reply(call, xml.Finish()) with { LogDetail = change.Id + " " + detail };
    }

    private static AwsReply GetChange(AwsCall call, WorldState world)
    {
        var id = Route53Paths.Change().Match(call.Path).Groups[1].Value;
        var change = world.Zone.FindChange(id)
            ?? throw new LabError("NoSuchChange", $"A change with the specified change ID does not exist: {id}", 404);
        using var xml = new XmlOut("GetChangeResponse", AwsErrors.XmlNamespace("route53"));
        WriteChangeInfo(xml, change, world.Now);
        return Reply(call, xml.Finish()) with { LogDetail = change.Id + " " + change.StatusAt(world.Now) };
    }

    private static AwsReply HealthCheckStatus(AwsCall call, WorldState world)
    {
        var id = Route53Paths.HealthCheckStatus().Match(call.Path).Groups[1].Value;
        var created = world.Checkers.Created(id);
        var region = created is null
            ? world.Checkers.RegionOfHealthCheck(id) ?? throw new LabError("NoSuchHealthCheck", $"A health check with the ID {id} does not exist.", 404)
            : created.Check.TargetRegion ?? "outside the lab";
        var observations = created?.Observations ?? world.Checkers.Observations(region);
        using var xml = new XmlOut("GetHealthCheckStatusResponse", AwsErrors.XmlNamespace("route53"));
        xml.Start("HealthCheckObservations");
        foreach (var checker in observations)
        {
            xml.Start("HealthCheckObservation")
                .Element("Region", checker.Region)
                .Element("IPAddress", checker.Address)
                .Start("StatusReport").Element("Status", checker.Report).Element("CheckedTime", checker.CheckedAt).End()
                .End();
        }

        xml.End();
        return Reply(call, xml.Finish()) with
        {
            LogDetail = $"{region} {(world.Checkers.IsHealthCheckHealthy(id) ? "healthy" : "unhealthy")}",
        };
    }

    private static void RequireZone(string id, WorldState world)
    {
        var bare = id.StartsWith("/hostedzone/", StringComparison.Ordinal) ? id["/hostedzone/".Length..] : id;
        if (!string.Equals(bare, world.Zone.Id, StringComparison.Ordinal))
        {
            throw new LabError("NoSuchHostedZone", $"No hosted zone found with ID: {bare}", 404);
        }
    }

    private static string Position(string name, string type, string identifier) =>
        ResourceRecordSet.SortKey(name) + "\u0001" + type + "\u0001" + identifier;

    private static void WriteRecord(XmlOut xml, ResourceRecordSet record)
    {
        xml.Start("ResourceRecordSet")
            .Element("Name", record.Name)
            .Element("Type", record.Type)
            .Element("SetIdentifier", record.SetIdentifier);
        if (record.Weight is { } weight)
        {
            xml.Element("Weight", weight);
        }

        xml.Element("Region", record.Region).Element("Failover", record.Failover);
        if (record.Ttl is { } ttl)
        {
            xml.Element("TTL", ttl);
        }

        if (record.Values.Count > 0)
        {
            xml.Start("ResourceRecords");
            foreach (var value in record.Values)
            {
                xml.Start("ResourceRecord").Element("Value", value).End();
            }

            xml.End();
        }

        if (record.AliasTarget is { } alias)
        {
            xml.Start("AliasTarget")
                .Element("HostedZoneId", alias.HostedZoneId)
                .Element("DNSName", alias.DnsName)
                .Element("EvaluateTargetHealth", alias.EvaluateTargetHealth)
                .End();
        }

        xml.Element("HealthCheckId", record.HealthCheckId).End();
    }

    private static void WriteChangeInfo(XmlOut xml, ChangeRecord change, DateTimeOffset now)
    {
        xml.Start("ChangeInfo")
            .Element("Id", change.ApiId)
            .Element("Status", change.StatusAt(now))
            .Element("SubmittedAt", change.SubmittedAt)
            .Element("Comment", change.Comment)
            .End();
    }

    private static AwsReply Reply(AwsCall call, string body) =>
        new(200, "text/xml", body, new Dictionary<string, string>(StringComparer.Ordinal) { ["x-amzn-RequestId"] = call.RequestId });
}
