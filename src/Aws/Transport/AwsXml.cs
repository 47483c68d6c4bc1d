using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace DrLambdas.Aws.Transport;

/// <summary>Namespace-agnostic reading of AWS XML documents (awsQuery and restXml responses).</summary>
internal static class AwsXml
{
    private static readonly XmlReaderSettings SafeSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Parses a response body without DTD processing or external resolution.</summary>
    public static XDocument Parse(string body)
    {
        using var text = new StringReader(body);
        using var reader = XmlReader.Create(text, SafeSettings);
        return XDocument.Load(reader);
    }

    public static XElement? Child(this XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static XElement RequiredChild(this XElement element, string localName) =>
        element.Child(localName) ?? throw new FormatException($"<{element.Name.LocalName}> has no <{localName}>.");

    public static string? Text(this XElement element, string localName) => element.Child(localName)?.Value;

    public static string RequiredText(this XElement element, string localName) => element.RequiredChild(localName).Value;

    /// <summary>The items of a list wrapper element, whatever their member element name (<c>member</c>, <c>DBCluster</c>...).</summary>
    public static IEnumerable<XElement> Items(this XElement element, string listName) =>
        element.Child(listName)?.Elements() ?? [];

    public static bool? Bool(this XElement element, string localName) =>
        element.Text(localName) is { } text ? XmlConvert.ToBoolean(text.Trim()) : null;

    public static int? Int(this XElement element, string localName) =>
        element.Text(localName) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static long? Long(this XElement element, string localName) =>
        element.Text(localName) is { } text ? long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static DateTimeOffset? Timestamp(this XElement element, string localName) =>
        element.Text(localName) is { } text ? ParseTimestamp(text) : null;

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// ISO 8601 UTC, the timestamp format of awsQuery requests: whole seconds, or milliseconds when the instant has them
    /// (as botocore serialises them), so a 1-second-resolution datapoint keeps its sub-second instant.
    /// </summary>
    public static string FormatTimestamp(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
