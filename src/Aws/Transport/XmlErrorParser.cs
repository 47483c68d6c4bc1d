using System.Xml;
using System.Xml.Linq;

namespace DrLambdas.Aws.Transport;

/// <summary>
/// Parses awsQuery and restXml error bodies: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>,
/// the bare <c>&lt;Error&gt;</c> form, and Route 53's <c>&lt;InvalidChangeBatch&gt;&lt;Messages&gt;</c>.
/// </summary>
internal static class XmlErrorParser
{
    public static AwsErrorDetails? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        XElement root;
        try
        {
            root = AwsXml.Parse(body).Root!;
        }
        catch (XmlException)
        {
            return null;
        }

        var error = root.Name.LocalName == "Error" ? root : root.Child("Error");
        if (error is not null && error.Text("Code") is { Length: > 0 } code)
        {
            return new AwsErrorDetails(code, error.Text("Message") ?? string.Empty, root.Text("RequestId") ?? error.Text("RequestId"));
        }

        if (root.Child("Messages") is { } messages)
        {
            var text = string.Join("; ", messages.Elements().Select(m => m.Value));
            return new AwsErrorDetails(root.Name.LocalName, text, root.Text("RequestId"));
        }

        return null;
    }
}
