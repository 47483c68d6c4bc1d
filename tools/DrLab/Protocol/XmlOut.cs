using System.Globalization;
using System.Text;
using System.Xml;

namespace DrLambdas.DrLab.Protocol;

/// <summary>A small forward-only XML builder for AWS responses.</summary>
internal sealed class XmlOut : IDisposable
{
    private readonly StringBuilder _text = new();
    private readonly XmlWriter _writer;

    public XmlOut(string root, string ns)
    {
        _writer = XmlWriter.Create(new Utf8StringWriter(_text), new XmlWriterSettings { Indent = false });
        _writer.WriteStartDocument();
        _writer.WriteStartElement(root, ns);
    }

    public XmlOut Start(string name)
    {
        _writer.WriteStartElement(name);
        return this;
    }

    public XmlOut End()
    {
        _writer.WriteEndElement();
        return this;
    }

    public XmlOut Element(string name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteElementString(name, value);
        }

        return this;
    }

    public XmlOut Element(string name, bool value) => Element(name, value ? "true" : "false");

    public XmlOut Element(string name, long value) => Element(name, value.ToString(CultureInfo.InvariantCulture));

    public XmlOut Element(string name, double value) => Element(name, value.ToString("R", CultureInfo.InvariantCulture));

    public XmlOut Element(string name, DateTimeOffset value) => Element(name, Iso(value));

    /// <summary>ISO 8601 with milliseconds in UTC, as AWS's XML protocols write timestamps.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Closes every open element and returns the document.</summary>
    public string Finish()
    {
        _writer.WriteEndDocument();
        _writer.Flush();
        return _text.ToString();
    }

    public void Dispose() => _writer.Dispose();

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
