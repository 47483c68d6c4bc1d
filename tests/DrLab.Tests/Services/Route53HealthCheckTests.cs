using System.Globalization;
using System.Text;
using System.Xml.Linq;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Services;

/// <summary>Route 53's health check API in the lab, and the checkers of a created check.</summary>
public sealed class Route53HealthCheckTests
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    private readonly LabFixture _lab = new();
    private readonly Route53Service _route53 = new();

    [Fact]
    public void CreateHealthCheck_NewReference_Answers201WithTheIdAndTheSettingsAndDefaults()
    {
        var reply = Create("ref-1", Config(LabFixture.Primary));

        Assert.Equal(201, reply.Status);
        var check = XDocument.Parse(reply.Body).Root!.Element(Ns + "HealthCheck")!;
        var id = check.Element(Ns + "Id")!.Value;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$", id);
        Assert.Equal($"https://route53.amazonaws.com/2013-04-01/healthcheck/{id}", reply.Headers!["Location"]);
        var config = check.Element(Ns + "HealthCheckConfig")!;
        Assert.Equal("HTTPS", config.Element(Ns + "Type")!.Value);
        Assert.Equal("443", config.Element(Ns + "Port")!.Value);
        Assert.Equal("10", config.Element(Ns + "RequestInterval")!.Value);
        Assert.Equal("3", config.Element(Ns + "FailureThreshold")!.Value);
        Assert.Equal("true", config.Element(Ns + "EnableSNI")!.Value);
        Assert.Equal("1", check.Element(Ns + "HealthCheckVersion")!.Value);
    }

    [Fact]
    public void StateHealthChecks_CreatedCheck_ListedWithItsRegionIntervalAndCheckers()
    {
        var id = IdOf(Create("ref-1", Config(LabFixture.Primary)));

        var documents = _lab.Run(DrLambdas.DrLab.Control.DnsDocuments.HealthChecks);

        var created = Assert.Single(documents, document => document.Id == id);
        Assert.Equal((LabFixture.Primary, 10.0, 3, 8), (created.Region, created.IntervalSeconds, created.FailureThreshold, created.Checkers));
        Assert.Equal(3, documents.Count);
    }

    [Fact]
    public void CreateHealthCheck_SameReferenceAndSettings_ReturnsTheExistingCheck()
    {
        var first = IdOf(Create("ref-1", Config(LabFixture.Primary)));

        var again = IdOf(Create("ref-1", Config(LabFixture.Primary)));

        Assert.Equal(first, again);
        Assert.Single(_lab.Run(s => s.Deployment.HealthChecks.All));
    }

    [Fact]
    public void CreateHealthCheck_SameReferenceOtherSettings_IsHealthCheckAlreadyExists()
    {
        Create("ref-1", Config(LabFixture.Primary));

        var error = Assert.Throws<LabError>(() => Create("ref-1", Config(LabFixture.Primary, interval: 30)));

        Assert.Equal(("HealthCheckAlreadyExists", 409), (error.Code, error.HttpStatus));
    }

    [Fact]
    public void CreateHealthCheck_ReferenceOfADeletedCheck_IsHealthCheckAlreadyExists()
    {
        var id = IdOf(Create("ref-1", Config(LabFixture.Primary)));
        Rest("DELETE", $"/2013-04-01/healthcheck/{id}");

        var error = Assert.Throws<LabError>(() => Create("ref-1", Config(LabFixture.Primary)));

        Assert.Equal("HealthCheckAlreadyExists", error.Code);
    }

    [Theory]
    [InlineData("<Type>HTTPS</Type><FullyQualifiedDomainName>x.example.com</FullyQualifiedDomainName><RequestInterval>20</RequestInterval>", "RequestInterval")]
    [InlineData("<Type>HTTPS</Type><FullyQualifiedDomainName>x.example.com</FullyQualifiedDomainName><FailureThreshold>11</FailureThreshold>", "FailureThreshold")]
    [InlineData("<Type>HTTPS</Type>", "IPAddress or a FullyQualifiedDomainName")]
    [InlineData("<Type>HTTPS</Type><IPAddress>192.0.2.10</IPAddress>", "non-routable")]
    [InlineData("<Type>HTTPS</Type><IPAddress>10.1.2.3</IPAddress>", "private")]
    [InlineData("<Type>HTTPS</Type><FullyQualifiedDomainName>x.example.com</FullyQualifiedDomainName><Regions><Region>us-east-1</Region><Region>eu-west-1</Region></Regions>", "at least 3")]
    [InlineData("<Type>CALCULATED</Type>", "not modelled")]
    [InlineData("<Type>FTP</Type>", "enum")]
    public void CreateHealthCheck_InvalidConfig_IsInvalidInputAndCreatesNothing(string config, string message)
    {
        var error = Assert.Throws<LabError>(() => Create("ref-1", config));

        Assert.Equal("InvalidInput", error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(_lab.Run(s => s.Deployment.HealthChecks.All));
    }

    [Fact]
    public void GetHealthCheck_CreatedAndBuiltIn_BothAnswerTheirConfig()
    {
        var id = IdOf(Create("ref-1", Config(LabFixture.Primary)));

        var created = XDocument.Parse(Rest("GET", $"/2013-04-01/healthcheck/{id}").Body).Root!;
        var builtIn = XDocument.Parse(Rest("GET", $"/2013-04-01/healthcheck/{_lab.Definition.HealthCheckIds[LabFixture.Secondary]}").Body).Root!;

        Assert.Equal("GetHealthCheckResponse", created.Name.LocalName);
        Assert.Equal("ref-1", created.Descendants(Ns + "CallerReference").Single().Value);
        Assert.Equal($"{LabFixture.Secondary}.api.example.com", builtIn.Descendants(Ns + "FullyQualifiedDomainName").Single().Value);
    }

    [Fact]
    public void GetHealthCheck_UnknownId_IsNoSuchHealthCheck404()
    {
        var error = Assert.Throws<LabError>(() => Rest("GET", "/2013-04-01/healthcheck/00000000-0000-4000-a000-000000000000"));

        Assert.Equal(("NoSuchHealthCheck", 404), (error.Code, error.HttpStatus));
    }

    [Fact]
    public void ListHealthChecks_Paged_FollowsNextMarkerThroughEveryCheck()
    {
        var created = Enumerable.Range(1, 3).Select(i => IdOf(Create($"ref-{i}", Config(LabFixture.Primary)))).ToList();

        var first = XDocument.Parse(Rest("GET", "/2013-04-01/healthcheck", ("maxitems", "2")).Body).Root!;
        var next = first.Element(Ns + "NextMarker")!.Value;
        var second = XDocument.Parse(Rest("GET", "/2013-04-01/healthcheck", ("maxitems", "2"), ("marker", next)).Body).Root!;
        var third = XDocument.Parse(Rest("GET", "/2013-04-01/healthcheck", ("maxitems", "2"), ("marker", second.Element(Ns + "NextMarker")!.Value)).Body).Root!;

        Assert.Equal("true", first.Element(Ns + "IsTruncated")!.Value);
        Assert.Equal("false", third.Element(Ns + "IsTruncated")!.Value);
        var ids = new[] { first, second, third }.SelectMany(page => page.Descendants(Ns + "HealthCheck").Select(c => c.Element(Ns + "Id")!.Value)).ToList();
        Assert.Equal([.. _lab.Definition.HealthCheckIds.Values, .. created], ids);
    }

    [Fact]
    public void DeleteHealthCheck_Created_RemovesItAndItsStatus()
    {
        var id = IdOf(Create("ref-1", Config(LabFixture.Primary)));

        var reply = Rest("DELETE", $"/2013-04-01/healthcheck/{id}");

        Assert.Equal("DeleteHealthCheckResponse", XDocument.Parse(reply.Body).Root!.Name.LocalName);
        Assert.Equal("NoSuchHealthCheck", Assert.Throws<LabError>(() => Rest("GET", $"/2013-04-01/healthcheck/{id}/status")).Code);
        Assert.False(_lab.Run(s => s.Checkers.Exists(id)));
    }

    [Fact]
    public void DeleteHealthCheck_BuiltIn_IsRefusedAndKept()
    {
        var id = _lab.Definition.HealthCheckIds[LabFixture.Primary];

        Assert.Equal("InvalidInput", Assert.Throws<LabError>(() => Rest("DELETE", $"/2013-04-01/healthcheck/{id}")).Code);
        Assert.True(_lab.Run(s => s.Checkers.Exists(id)));
    }

    [Fact]
    public void GetHealthCheckStatus_CreatedCheck_OneObservationPerCheckerRegionItNames()
    {
        var id = IdOf(Create("ref-1", Config(LabFixture.Primary, regions: ["us-east-1", "eu-west-1", "ap-southeast-1"])));
        _lab.Advance(30);

        var observations = XDocument.Parse(Rest("GET", $"/2013-04-01/healthcheck/{id}/status").Body).Descendants(Ns + "HealthCheckObservation").ToList();

        Assert.Equal(["us-east-1", "eu-west-1", "ap-southeast-1"], observations.Select(o => o.Element(Ns + "Region")!.Value));
        Assert.All(observations, o => Assert.StartsWith("Success", o.Descendants(Ns + "Status").Single().Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10, 3, 21, 40)]
    [InlineData(30, 3, 61, 120)]
    [InlineData(10, 1, 1, 20)]
    public void CreatedCheck_RegionOutage_TurnsUnhealthyAfterItsOwnIntervalTimesThreshold(int interval, int threshold, double stillHealthyAt, double unhealthyBy)
    {
        var id = IdOf(Create("ref-1", Config(LabFixture.Primary, interval, threshold)));
        _lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));

        _lab.Advance(stillHealthyAt - 1);
        var before = _lab.Run(s => s.Checkers.IsHealthCheckHealthy(id));
        _lab.Advance(unhealthyBy - stillHealthyAt + 1);

        Assert.True(before);
        Assert.False(_lab.Run(s => s.Checkers.IsHealthCheckHealthy(id)));
        Assert.True(_lab.Run(s => s.Checkers.IsHealthy(LabFixture.Secondary)));
    }

    [Fact]
    public void TargetRegion_CreatedCheck_IsTheRegionItsEndpointNameDesignates()
    {
        var id = IdOf(Create("ref-1", Config(LabFixture.Secondary)));

        Assert.Equal(LabFixture.Secondary, _lab.Run(s => s.Checkers.TargetRegion(id)));
        Assert.Equal(LabFixture.Primary, _lab.Run(s => s.Checkers.TargetRegion(_lab.Definition.HealthCheckIds[LabFixture.Primary])));
    }

    [Fact]
    public void CreatedCheck_EndpointOutsideTheLab_TurnsUnhealthyWithATimeout()
    {
        var id = IdOf(Create("ref-1", "<Type>HTTPS</Type><FullyQualifiedDomainName>elsewhere.example.org</FullyQualifiedDomainName><RequestInterval>10</RequestInterval>"));

        _lab.Advance(60);

        Assert.False(_lab.Run(s => s.Checkers.IsHealthCheckHealthy(id)));
        Assert.StartsWith("Failure: Connection timed out", _lab.Run(s => s.Checkers.Created(id)!.Observations[0].Report), StringComparison.Ordinal);
    }

    [Fact]
    public void CreatedCheck_AfterAReset_IsStillThereAndProbedAgain()
    {
        var id = IdOf(Create("ref-1", Config(LabFixture.Primary)));

        _lab.World.Reset();
        _lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));
        _lab.Advance(40);

        Assert.True(_lab.Run(s => s.Checkers.Exists(id)));
        Assert.False(_lab.Run(s => s.Checkers.IsHealthCheckHealthy(id)));
    }

    [Fact]
    public void CreatedCheck_AssociatedWithARecord_IsAcceptedByChangeResourceRecordSets()
    {
        var id = IdOf(Create("ref-1", Config(LabFixture.Primary)));
        var zone = _lab.Definition.HostedZoneId;
        var record = _lab.Run(s => s.Zone.WeightedGroup(_lab.Definition.RecordName, "A").First(r => r.SetIdentifier == _lab.Definition.SetIdentifiers[LabFixture.Primary]));
        var batch = $"""
            <ChangeResourceRecordSetsRequest xmlns="{Ns}"><ChangeBatch><Changes>
            <Change><Action>DELETE</Action>{RecordXml(record, record.HealthCheckId!)}</Change>
            <Change><Action>CREATE</Action>{RecordXml(record, id)}</Change>
            </Changes></ChangeBatch></ChangeResourceRecordSetsRequest>
            """;

        Rest("POST", $"/2013-04-01/hostedzone/{zone}/rrset/", body: batch);

        Assert.Equal(id, _lab.Run(s => s.Zone.WeightedGroup(_lab.Definition.RecordName, "A").First(r => r.SetIdentifier == record.SetIdentifier).HealthCheckId));
    }

    [Fact]
    public void HealthCheckStatusMetric_CreatedCheck_PublishedInUsEast1()
    {
        var id = IdOf(Create("ref-1", Config(LabFixture.Primary)));

        _lab.Advance(130);

        var key = MetricKey.Of(WorldState.Route53MetricsRegion, "AWS/Route53", "HealthCheckStatus", [("HealthCheckId", id)]);
        Assert.Equal(1, _lab.Run(s => s.Metrics.Latest(key, s.Now))?.Value);
    }

    private static string RecordXml(ResourceRecordSet record, string healthCheckId) => string.Create(CultureInfo.InvariantCulture, $"""
        <ResourceRecordSet><Name>{record.Name}</Name><Type>{record.Type}</Type><SetIdentifier>{record.SetIdentifier}</SetIdentifier>
        <Weight>{record.Weight}</Weight><TTL>{record.Ttl}</TTL><ResourceRecords><ResourceRecord><Value>{record.Values[0]}</Value></ResourceRecord></ResourceRecords>
        <HealthCheckId>{healthCheckId}</HealthCheckId></ResourceRecordSet>
        """);

    private string Config(string region, int interval = 10, int threshold = 3, string[]? regions = null) =>
        $"<Type>HTTPS</Type><FullyQualifiedDomainName>{_lab.Definition.EndpointName(region).TrimEnd('.')}</FullyQualifiedDomainName>"
        + $"<ResourcePath>/actuator/health/regional</ResourcePath><RequestInterval>{interval}</RequestInterval><FailureThreshold>{threshold}</FailureThreshold>"
        + (regions is null ? string.Empty : "<Regions>" + string.Concat(regions.Select(r => $"<Region>{r}</Region>")) + "</Regions>");

    private AwsReply Create(string reference, string config) => Rest("POST", "/2013-04-01/healthcheck",
        body: $"""<CreateHealthCheckRequest xmlns="{Ns}"><CallerReference>{reference}</CallerReference><HealthCheckConfig>{config}</HealthCheckConfig></CreateHealthCheckRequest>""");

    private static string IdOf(AwsReply reply) => XDocument.Parse(reply.Body).Root!.Descendants(Ns + "Id").First().Value;

    private AwsReply Rest(string method, string path, params (string Name, string Value)[] query) => Rest(method, path, null, query);

    private AwsReply Rest(string method, string path, string? body, params (string Name, string Value)[] query)
    {
        var operation = _route53.RestOperation(method, path) ?? throw new InvalidOperationException($"{method} {path} is not served");
        var call = new AwsCall("route53", "us-east-1", AwsProtocol.RestXml, operation, Guid.NewGuid().ToString(), method, path,
            query.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), Encoding.UTF8.GetBytes(body ?? string.Empty));
        return _lab.Run(state => _route53.Handle(call, state));
    }
}
