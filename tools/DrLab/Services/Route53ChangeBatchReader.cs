using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>Reads a ChangeResourceRecordSetsRequest XML document into record changes.</summary>
internal static class Route53ChangeBatchReader
{
    /// <summary>ChangeBatch.Comment: at most 256 characters.</summary>
    public const int MaxCommentLength = 256;

    public static (IReadOnlyList<RecordChange> Changes, string? Comment) Read(byte[] body)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(body);
            document = XDocument.Load(stream);
        }
        catch (XmlException ex)
        {
            throw new LabError("InvalidInput", $"Invalid XML ; {ex.Message}");
        }

        var root = document.Root;
        if (root is null || !string.Equals(root.Name.LocalName, "ChangeResourceRecordSetsRequest", StringComparison.Ordinal))
        {
            throw new LabError("InvalidInput", "Invalid XML ; the document element must be ChangeResourceRecordSetsRequest.");
        }

        var batch = Child(root, "ChangeBatch")
            ?? throw new LabError("InvalidInput", "Invalid request: ChangeBatch is required.");
        var changes = Child(batch, "Changes")?.Elements().Where(e => e.Name.LocalName == "Change").Select(ReadChange).ToList()
            ?? throw new LabError("InvalidInput", "Invalid request: ChangeBatch.Changes is required.");
        var comment = Child(batch, "Comment")?.Value;
        if (comment is { Length: > MaxCommentLength })
        {
            throw new LabError("InvalidInput",
                $"1 validation error detected: Value '{comment[..32]}…' at 'changeBatch.comment' failed to satisfy constraint: Member must have length less than or equal to {MaxCommentLength}");
        }

        return (changes, comment);
    }

    private static RecordChange ReadChange(XElement change)
    {
        var action = Child(change, "Action")?.Value
            ?? throw new LabError("InvalidInput", "Invalid request: every Change needs an Action.");
        var set = Child(change, "ResourceRecordSet")
            ?? throw new LabError("InvalidInput", "Invalid request: every Change needs a ResourceRecordSet.");
        var name = Child(set, "Name")?.Value ?? throw new LabError("InvalidInput", "Invalid request: ResourceRecordSet.Name is required.");
        var type = Child(set, "Type")?.Value ?? throw new LabError("InvalidInput", "Invalid request: ResourceRecordSet.Type is required.");
        var values = Child(set, "ResourceRecords")?.Elements()
            .Select(r => Child(r, "Value")?.Value ?? throw new LabError("InvalidInput", "Invalid request: ResourceRecord.Value is required."))
            .ToList() ?? [];
        AliasTarget? alias = null;
        if (Child(set, "AliasTarget") is { } target)
        {
            alias = new AliasTarget(
                Child(target, "HostedZoneId")?.Value ?? throw new LabError("InvalidInput", "Invalid request: AliasTarget.HostedZoneId is required."),
                ResourceRecordSet.NormalizeName(Child(target, "DNSName")?.Value
                    ?? throw new LabError("InvalidInput", "Invalid request: AliasTarget.DNSName is required.")),
                ParseBool(Child(target, "EvaluateTargetHealth")?.Value ?? "false", "EvaluateTargetHealth"));
        }

        return new RecordChange(action, new ResourceRecordSet(
            ResourceRecordSet.NormalizeName(name),
            type,
            Child(set, "SetIdentifier")?.Value,
            ParseLong(Child(set, "Weight")?.Value, "Weight"),
            ParseLong(Child(set, "TTL")?.Value, "TTL"),
            values,
            alias,
            Child(set, "HealthCheckId")?.Value,
            Child(set, "Region")?.Value,
            Child(set, "Failover")?.Value));
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, localName, StringComparison.Ordinal));

    private static long? ParseLong(string? text, string name) =>
        text is null
            ? null
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new LabError("InvalidInput", $"Invalid request: {name} '{text}' is not a number.");

    private static bool ParseBool(string text, string name) =>
        bool.TryParse(text, out var value) ? value : throw new LabError("InvalidInput", $"Invalid request: {name} '{text}' is not a boolean.");
}
