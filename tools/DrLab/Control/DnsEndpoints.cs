using System.Globalization;
using System.Text.RegularExpressions;
using DrLambdas.DrLab.Dns;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Control;

/// <summary>
/// GET /_lab/dns/answer?name=N&amp;type=T[&amp;seed=S]: the data plane's candidate set for a question as JSON (the
/// same lookup the DNS server answers from), with the choice a seeded draw makes when a seed is given.
/// </summary>
internal static partial class DnsEndpoints
{
    private static LabJsonContext Context => LabJsonContext.Default;

    public static void Map(WebApplication app, LabWorld world) =>
        app.MapGet("/_lab/dns/answer", context => Answer(context.Request.Query, world).ExecuteAsync(context));

    /// <summary>The answer, or a typed error: 400 for missing or malformed parameters, 404 for names without records.</summary>
    public static IResult Answer(IQueryCollection query, LabWorld world)
    {
        var problems = new List<string>();
        var name = query["name"].ToString();
        var type = query["type"].ToString();
        if (name.Length == 0)
        {
            problems.Add("name is required (for example api.example.com).");
        }
        else if (!IsDomainName(name))
        {
            problems.Add($"name '{name}' is not a domain name.");
        }

        if (type.Length == 0)
        {
            problems.Add("type is required (for example A).");
        }
        else if (!HostedZone.KnownTypes.Contains(type))
        {
            problems.Add($"type '{type}' must be one of {string.Join(", ", HostedZone.KnownTypes.Order(StringComparer.Ordinal))}.");
        }

        int? seed = null;
        if (query.TryGetValue("seed", out var seedText))
        {
            if (int.TryParse(seedText.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                seed = value;
            }
            else
            {
                problems.Add($"seed '{seedText}' must be a 32-bit integer.");
            }
        }

        if (problems.Count > 0)
        {
            return Results.Json(new ControlErrorDocument("InvalidDnsQuestion", problems), Context.ControlErrorDocument, statusCode: 400);
        }

        var normalized = ResourceRecordSet.NormalizeName(name);
        var zoneName = world.Definition.ZoneName;
        var lookup = world.Transact(state => ZoneLookup.Find(state.Zone, zoneName, normalized, type, state.Checkers.IsHealthCheckHealthy));
        return lookup.Status switch
        {
            ZoneLookupStatus.Answer => Results.Json(
                DnsDocuments.Answer(lookup, seed is { } s ? lookup.Choose(new Random(s).NextDouble()) : null, world.Definition),
                Context.DnsAnswerDocument),
            ZoneLookupStatus.NxDomain => Problem(404, "NXDOMAIN", $"{normalized} does not exist in the hosted zone {zoneName}"),
            ZoneLookupStatus.NoData => Problem(404, "NODATA", $"{normalized} has no {type} record set in the hosted zone {zoneName}"),
            ZoneLookupStatus.OutsideZone => Problem(404, "REFUSED", $"{normalized} is not in the hosted zone {zoneName}"),
            _ => Problem(501, "UnsupportedRecordSet", lookup.Problem ?? "The lab's data plane does not answer these record sets."),
        };
    }

    private static IResult Problem(int status, string error, string message) =>
        Results.Json(new ControlErrorDocument(error, [message]), Context.ControlErrorDocument, statusCode: status);

    private static bool IsDomainName(string name)
    {
        var bare = name.EndsWith('.') ? name[..^1] : name;
        return bare.Length is > 0 and <= 253 && bare.Split('.').All(label => DnsLabel().IsMatch(label));
    }

    [GeneratedRegex("^(\\*|[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)$")]
    private static partial Regex DnsLabel();
}
