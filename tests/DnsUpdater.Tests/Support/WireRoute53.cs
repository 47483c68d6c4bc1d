using System.Net;
using System.Text;
using System.Xml.Linq;

namespace DrLambdas.DnsUpdater.Tests.Support;

/// <summary>
/// Route 53 on the wire for the real client: lists the two weighted records of <see cref="DnsWorld"/> and records
/// every ChangeResourceRecordSets request body exactly as sent.
/// </summary>
internal sealed class WireRoute53 : HttpMessageHandler
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    public List<(Uri Uri, string Body)> Changes { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == HttpMethod.Post)
        {
            Changes.Add((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return Xml(new XElement(Ns + "ChangeResourceRecordSetsResponse",
                new XElement(Ns + "ChangeInfo",
                    new XElement(Ns + "Id", "/change/C2682N5HXP0BZ4"),
                    new XElement(Ns + "Status", "PENDING"),
                    new XElement(Ns + "SubmittedAt", "2026-11-26T00:00:00.000Z"))));
        }

        return Xml(new XElement(Ns + "ListResourceRecordSetsResponse",
            new XElement(Ns + "ResourceRecordSets",
                new XElement(Ns + "ResourceRecordSet",
                    new XElement(Ns + "Name", DnsWorld.Taiwan.Name),
                    new XElement(Ns + "Type", "A"),
                    new XElement(Ns + "SetIdentifier", "tpe"),
                    new XElement(Ns + "Weight", DnsWorld.Taiwan.Weight),
                    new XElement(Ns + "TTL", DnsWorld.Taiwan.Ttl),
                    new XElement(Ns + "ResourceRecords", DnsWorld.Taiwan.ResourceRecords.Select(value => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", value)))),
                    new XElement(Ns + "HealthCheckId", DnsWorld.Taiwan.HealthCheckId)),
                new XElement(Ns + "ResourceRecordSet",
                    new XElement(Ns + "Name", DnsWorld.Tokyo.Name),
                    new XElement(Ns + "Type", "A"),
                    new XElement(Ns + "SetIdentifier", "nrt"),
                    new XElement(Ns + "Weight", DnsWorld.Tokyo.Weight),
                    new XElement(Ns + "AliasTarget",
                        new XElement(Ns + "HostedZoneId", DnsWorld.Tokyo.AliasTarget!.HostedZoneId),
                        new XElement(Ns + "DNSName", DnsWorld.Tokyo.AliasTarget.DnsName),
                        new XElement(Ns + "EvaluateTargetHealth", "true")),
                    new XElement(Ns + "HealthCheckId", DnsWorld.Tokyo.HealthCheckId))),
            new XElement(Ns + "IsTruncated", "false"),
            new XElement(Ns + "MaxItems", "300")));
    }

    private static HttpResponseMessage Xml(XElement root) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(root.ToString(), Encoding.UTF8, "text/xml"),
    };
}
