using System.Text;
using System.Xml;
using System.Xml.Linq;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Route53;

/// <summary>Route 53 over restXml (API version 2013-04-01).</summary>
internal sealed class Route53Client(AwsServiceTransport transport) : IRoute53Client
{
    private const string ApiPath = "/2013-04-01";

    public async Task<ResourceRecordSetPage> ListResourceRecordSetsAsync(
        ListResourceRecordSetsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Route53Validation.ValidateListRequest(request);
        var zoneId = Route53Ids.HostedZone(request.HostedZoneId);
        var query = Route53Query.Build(
            ("name", request.StartRecordName),
            ("type", request.StartRecordType),
            ("identifier", request.StartRecordIdentifier),
            ("maxitems", request.MaxItems?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return await SendAsync(
            "ListResourceRecordSets", HttpMethod.Get, $"{ApiPath}/hostedzone/{Uri.EscapeDataString(zoneId)}/rrset", query, null,
            Route53XmlReader.RecordSetPage, cancellationToken);
    }

    public async Task<ChangeInfo> ChangeResourceRecordSetsAsync(
        string hostedZoneId, ChangeBatch changeBatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changeBatch);
        Route53Validation.ValidateChangeBatch(changeBatch);
        var zoneId = Route53Ids.HostedZone(hostedZoneId);
        var body = Route53XmlWriter.ChangeResourceRecordSetsRequest(changeBatch);
        return await SendAsync(
            "ChangeResourceRecordSets", HttpMethod.Post, $"{ApiPath}/hostedzone/{Uri.EscapeDataString(zoneId)}/rrset/", null, body,
            root => Route53XmlReader.ChangeInfo(root.RequiredChild("ChangeInfo")), cancellationToken);
    }

    public async Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken = default)
    {
        var id = Route53Ids.Change(changeId);
        return await SendAsync(
            "GetChange", HttpMethod.Get, $"{ApiPath}/change/{Uri.EscapeDataString(id)}", null, null,
            root => Route53XmlReader.ChangeInfo(root.RequiredChild("ChangeInfo")), cancellationToken);
    }

    public async Task<IReadOnlyList<HealthCheckObservation>> GetHealthCheckStatusAsync(
        string healthCheckId, CancellationToken cancellationToken = default)
    {
        var id = Route53Ids.Required(healthCheckId, nameof(healthCheckId));
        return await SendAsync(
            "GetHealthCheckStatus", HttpMethod.Get, $"{ApiPath}/healthcheck/{Uri.EscapeDataString(id)}/status", null, null,
            root => root.Items("HealthCheckObservations").Select(Route53XmlReader.Observation).ToList(), cancellationToken);
    }

    private async Task<T> SendAsync<T>(
        string operation, HttpMethod method, string path, string? query, string? body, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        var response = await transport.SendAsync(
            operation,
            region: null,
            endpoint => new HttpRequestMessage(method, endpoint.BuildUri(path, query))
            {
                Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/xml"),
            },
            cancellationToken);

        try
        {
            var root = AwsXml.Parse(response.Body).Root ?? throw new FormatException("the document is empty");
            return read(root);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or XmlException)
        {
            throw transport.InvalidResponse(operation, response, exception);
        }
    }
}
