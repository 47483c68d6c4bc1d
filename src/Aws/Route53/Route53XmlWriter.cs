using System.Globalization;
using System.Text;
using System.Xml;

namespace DrLambdas.Aws.Route53;

/// <summary>Writes the <c>ChangeResourceRecordSetsRequest</c> document, elements in the order of Route 53's schema.</summary>
internal static class Route53XmlWriter
{
    public const string Namespace = "https://route53.amazonaws.com/doc/2013-04-01/";

    public static string ChangeResourceRecordSetsRequest(ChangeBatch batch)
    {
        var output = new StringBuilder();
        var settings = new XmlWriterSettings { Encoding = Encoding.UTF8, OmitXmlDeclaration = false, Indent = false };
        using (var writer = XmlWriter.Create(new Utf8StringWriter(output), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("ChangeResourceRecordSetsRequest", Namespace);
            writer.WriteStartElement("ChangeBatch", Namespace);
            if (batch.Comment is not null)
            {
                writer.WriteElementString("Comment", Namespace, batch.Comment);
            }

            writer.WriteStartElement("Changes", Namespace);
            foreach (var change in batch.Changes)
            {
                writer.WriteStartElement("Change", Namespace);
                writer.WriteElementString("Action", Namespace, ActionName(change.Action));
                WriteRecordSet(writer, change.RecordSet);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return output.ToString();
    }

    private static void WriteRecordSet(XmlWriter writer, ResourceRecordSet set)
    {
        writer.WriteStartElement("ResourceRecordSet", Namespace);
        writer.WriteElementString("Name", Namespace, set.Name);
        writer.WriteElementString("Type", Namespace, set.Type);
        if (set.SetIdentifier is not null)
        {
            writer.WriteElementString("SetIdentifier", Namespace, set.SetIdentifier);
        }

        if (set.Weight is { } weight)
        {
            writer.WriteElementString("Weight", Namespace, weight.ToString(CultureInfo.InvariantCulture));
        }

        if (set.Ttl is { } ttl)
        {
            writer.WriteElementString("TTL", Namespace, ttl.ToString(CultureInfo.InvariantCulture));
        }

        if (set.ResourceRecords.Count > 0)
        {
            writer.WriteStartElement("ResourceRecords", Namespace);
            foreach (var value in set.ResourceRecords)
            {
                writer.WriteStartElement("ResourceRecord", Namespace);
                writer.WriteElementString("Value", Namespace, value);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        if (set.AliasTarget is { } alias)
        {
            writer.WriteStartElement("AliasTarget", Namespace);
            writer.WriteElementString("HostedZoneId", Namespace, alias.HostedZoneId);
            writer.WriteElementString("DNSName", Namespace, alias.DnsName);
            writer.WriteElementString("EvaluateTargetHealth", Namespace, alias.EvaluateTargetHealth ? "true" : "false");
            writer.WriteEndElement();
        }

        if (set.HealthCheckId is not null)
        {
            writer.WriteElementString("HealthCheckId", Namespace, set.HealthCheckId);
        }

        if (set.TrafficPolicyInstanceId is not null)
        {
            writer.WriteElementString("TrafficPolicyInstanceId", Namespace, set.TrafficPolicyInstanceId);
        }

        writer.WriteEndElement();
    }

    private static string ActionName(ChangeAction action) => action switch
    {
        ChangeAction.Create => "CREATE",
        ChangeAction.Delete => "DELETE",
        ChangeAction.Upsert => "UPSERT",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown change action."),
    };

    // StringWriter reports UTF-16, which would end up in the XML declaration; the body is sent as UTF-8.
    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
