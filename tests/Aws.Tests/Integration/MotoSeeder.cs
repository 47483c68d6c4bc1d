using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace DrLambdas.Aws.Tests.Integration;

/// <summary>
/// Creates the resources the clients under test read (clusters, zones, topics, state machines, metrics, alarms)
/// with the plain wire protocols, signed by AWSSDK.Core, so that moto routes each call to the right service and Region.
/// </summary>
public sealed class MotoSeeder(Uri baseUrl) : IDisposable
{
    public const string AccountId = "123456789012";
    private static readonly XNamespace Route53Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private readonly Dictionary<(string Service, string Region), HttpClient> _clients = [];

    public async Task<XElement> QueryAsync(string service, string region, string version, string action, params (string Name, string Value)[] parameters)
    {
        var form = new[] { ("Action", action), ("Version", version) }.Concat(parameters)
            .Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2));
        using var content = new FormUrlEncodedContent(form);
        using var response = await Client(service, region).PostAsync(baseUrl, content);
        return await ReadXmlAsync(response, action);
    }

    public async Task<XElement> Route53Async(HttpMethod method, string path, XElement? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "application/xml");
        }

        using var response = await Client("route53", "us-east-1").SendAsync(request);
        return await ReadXmlAsync(response, path);
    }

    public async Task<JsonElement> JsonAsync(string service, string region, string target, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", target);
        using var response = await Client(service, region).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{target} failed: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task CreateAuroraGlobalDatabaseAsync(string globalId, string primaryId, string primaryRegion, string secondaryId, string secondaryRegion)
    {
        await QueryAsync("rds", primaryRegion, "2014-10-31", "CreateGlobalCluster",
            ("GlobalClusterIdentifier", globalId), ("Engine", "aurora-postgresql"), ("EngineVersion", "15.4"));
        await QueryAsync("rds", primaryRegion, "2014-10-31", "CreateDBCluster",
            ("DBClusterIdentifier", primaryId), ("Engine", "aurora-postgresql"), ("EngineVersion", "15.4"),
            ("MasterUsername", "app"), ("MasterUserPassword", "not-a-real-password"), ("GlobalClusterIdentifier", globalId));
        await QueryAsync("rds", secondaryRegion, "2014-10-31", "CreateDBCluster",
            ("DBClusterIdentifier", secondaryId), ("Engine", "aurora-postgresql"), ("EngineVersion", "15.4"),
            ("GlobalClusterIdentifier", globalId));
    }

    public async Task<string> CreateHostedZoneAsync(string name)
    {
        var result = await Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone", new XElement(Route53Ns + "CreateHostedZoneRequest",
            new XElement(Route53Ns + "Name", name),
            new XElement(Route53Ns + "CallerReference", Guid.NewGuid().ToString())));
        return result.Element(Route53Ns + "HostedZone")!.Element(Route53Ns + "Id")!.Value;
    }

    public async Task<string> CreateHealthCheckAsync(string domainName)
    {
        var result = await Route53Async(HttpMethod.Post, "/2013-04-01/healthcheck", new XElement(Route53Ns + "CreateHealthCheckRequest",
            new XElement(Route53Ns + "CallerReference", Guid.NewGuid().ToString()),
            new XElement(Route53Ns + "HealthCheckConfig",
                new XElement(Route53Ns + "ResourcePath", "/actuator/health"),
                new XElement(Route53Ns + "Type", "HTTPS"),
                new XElement(Route53Ns + "FullyQualifiedDomainName", domainName))));
        return result.Element(Route53Ns + "HealthCheck")!.Element(Route53Ns + "Id")!.Value;
    }

    private HttpClient Client(string service, string region)
    {
        lock (_clients)
        {
            if (!_clients.TryGetValue((service, region), out var client))
            {
                var signing = new SigV4SigningHandler(
                    new BasicAWSCredentials("testing", "testing"), RegionEndpoint.GetBySystemName(region), service,
                    new SocketsHttpHandler { AllowAutoRedirect = false });
                client = new HttpClient(signing);
                _clients[(service, region)] = client;
            }

            return client;
        }
    }

    private static async Task<XElement> ReadXmlAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{what} failed: {text}");
        return XDocument.Parse(text).Root!;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
