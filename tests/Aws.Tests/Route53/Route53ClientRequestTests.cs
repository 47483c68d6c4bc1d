using System.Xml.Linq;
using DrLambdas.Aws.Route53;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.Route53;

public sealed class Route53ClientRequestTests : IDisposable
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private readonly TestAws _aws = new();

    [Fact]
    public async Task ListResourceRecordSets_WithStartPosition_GetsRrsetWithQueryParameters()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("route53-list-resource-record-sets.xml"));

        await _aws.Factory.Route53.ListResourceRecordSetsAsync(
            new ListResourceRecordSetsRequest("/hostedzone/Z0123456789ABCDEFGHIJ", "api.example.com.", "A", "tpe", 2));

        var request = _aws.SingleRequest;
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(
            "https://route53.amazonaws.com/2013-04-01/hostedzone/Z0123456789ABCDEFGHIJ/rrset?name=api.example.com.&type=A&identifier=tpe&maxitems=2",
            request.Uri.AbsoluteUri);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task ListResourceRecordSets_AnyRegion_SignsForUsEast1()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("route53-list-resource-record-sets.xml"));

        await _aws.Factory.Route53.ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest("Z0123456789ABCDEFGHIJ"));

        var request = _aws.SingleRequest;
        Assert.Equal("https://route53.amazonaws.com/2013-04-01/hostedzone/Z0123456789ABCDEFGHIJ/rrset", request.Uri.AbsoluteUri);
        Assert.Contains("/us-east-1/route53/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_WeightedAliasAndValueRecords_PostsSchemaOrderedXml()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("route53-change-resource-record-sets.xml"));
        var batch = new ChangeBatch(
            [
                new ResourceRecordSetChange(ChangeAction.Upsert, new ResourceRecordSet(
                    "api.example.com.", "A", "tpe", Weight: 0, Ttl: 60, ResourceRecords: ["192.0.2.10", "192.0.2.11"],
                    HealthCheckId: "abcdef11-2222-3333-4444-555555fedcba")),
                new ResourceRecordSetChange(ChangeAction.Create, new ResourceRecordSet(
                    "api.example.com.", "A", "nrt", Weight: 100,
                    AliasTarget: new AliasTarget("Z14GRHDCWA56QT", "nrt-alb-123.ap-northeast-1.elb.amazonaws.com.", true))),
                new ResourceRecordSetChange(ChangeAction.Delete, new ResourceRecordSet(
                    "old.example.com.", "CNAME", Ttl: 300, ResourceRecords: ["legacy.example.com."])),
            ],
            "dr-incident-42");

        await _aws.Factory.Route53.ChangeResourceRecordSetsAsync("Z0123456789ABCDEFGHIJ", batch);

        var request = _aws.SingleRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://route53.amazonaws.com/2013-04-01/hostedzone/Z0123456789ABCDEFGHIJ/rrset/", request.Uri.AbsoluteUri);
        var expected = new XElement(Ns + "ChangeResourceRecordSetsRequest",
            new XElement(Ns + "ChangeBatch",
                new XElement(Ns + "Comment", "dr-incident-42"),
                new XElement(Ns + "Changes",
                    new XElement(Ns + "Change",
                        new XElement(Ns + "Action", "UPSERT"),
                        new XElement(Ns + "ResourceRecordSet",
                            new XElement(Ns + "Name", "api.example.com."),
                            new XElement(Ns + "Type", "A"),
                            new XElement(Ns + "SetIdentifier", "tpe"),
                            new XElement(Ns + "Weight", "0"),
                            new XElement(Ns + "TTL", "60"),
                            new XElement(Ns + "ResourceRecords",
                                new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", "192.0.2.10")),
                                new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", "192.0.2.11"))),
                            new XElement(Ns + "HealthCheckId", "abcdef11-2222-3333-4444-555555fedcba"))),
                    new XElement(Ns + "Change",
                        new XElement(Ns + "Action", "CREATE"),
                        new XElement(Ns + "ResourceRecordSet",
                            new XElement(Ns + "Name", "api.example.com."),
                            new XElement(Ns + "Type", "A"),
                            new XElement(Ns + "SetIdentifier", "nrt"),
                            new XElement(Ns + "Weight", "100"),
                            new XElement(Ns + "AliasTarget",
                                new XElement(Ns + "HostedZoneId", "Z14GRHDCWA56QT"),
                                new XElement(Ns + "DNSName", "nrt-alb-123.ap-northeast-1.elb.amazonaws.com."),
                                new XElement(Ns + "EvaluateTargetHealth", "true")))),
                    new XElement(Ns + "Change",
                        new XElement(Ns + "Action", "DELETE"),
                        new XElement(Ns + "ResourceRecordSet",
                            new XElement(Ns + "Name", "old.example.com."),
                            new XElement(Ns + "Type", "CNAME"),
                            new XElement(Ns + "TTL", "300"),
                            new XElement(Ns + "ResourceRecords",
                                new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", "legacy.example.com."))))))));
        Assert.Equal(expected.ToString(SaveOptions.DisableFormatting), XDocument.Parse(request.Body).Root!.ToString(SaveOptions.DisableFormatting));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", request.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetChange_PrefixedId_GetsChangePathWithBareId()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("route53-get-change.xml"));

        await _aws.Factory.Route53.GetChangeAsync("/change/C2682N5HXP0BZ4");

        Assert.Equal("https://route53.amazonaws.com/2013-04-01/change/C2682N5HXP0BZ4", _aws.SingleRequest.Uri.AbsoluteUri);
        Assert.Equal(HttpMethod.Get, _aws.SingleRequest.Method);
    }

    [Fact]
    public async Task GetHealthCheckStatus_Id_GetsStatusPath()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("route53-get-health-check-status.xml"));

        await _aws.Factory.Route53.GetHealthCheckStatusAsync("abcdef11-2222-3333-4444-555555fedcba");

        Assert.Equal(
            "https://route53.amazonaws.com/2013-04-01/healthcheck/abcdef11-2222-3333-4444-555555fedcba/status",
            _aws.SingleRequest.Uri.AbsoluteUri);
    }

    public static TheoryData<string, ResourceRecordSet> InvalidRecordSets => new()
    {
        { "weight without set identifier", new ResourceRecordSet("api.example.com.", "A", Weight: 10, Ttl: 60, ResourceRecords: ["192.0.2.1"]) },
        { "weight above 255", new ResourceRecordSet("api.example.com.", "A", "tpe", 256, 60, ["192.0.2.1"]) },
        { "alias with TTL", new ResourceRecordSet("api.example.com.", "A", "tpe", 1, 60, AliasTarget: new AliasTarget("Z1", "a.example.com.", false)) },
        { "no alias and no records", new ResourceRecordSet("api.example.com.", "A", "tpe", 1, 60) },
        { "no name", new ResourceRecordSet("", "A", "tpe", 1, 60, ["192.0.2.1"]) },
    };

    [Theory]
    [MemberData(nameof(InvalidRecordSets))]
    public async Task ChangeResourceRecordSets_InvalidRecordSet_ThrowsBeforeSending(string because, ResourceRecordSet recordSet)
    {
        var batch = new ChangeBatch([new ResourceRecordSetChange(ChangeAction.Upsert, recordSet)]);

        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.Route53.ChangeResourceRecordSetsAsync("Z1", batch));

        Assert.True(_aws.Handler.Requests.Count == 0, because);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_EmptyBatch_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.Route53.ChangeResourceRecordSetsAsync("Z1", new ChangeBatch([])));

        Assert.Empty(_aws.Handler.Requests);
    }

    [Fact]
    public async Task ListResourceRecordSets_TypeWithoutName_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.Route53.ListResourceRecordSetsAsync(
            new ListResourceRecordSetsRequest("Z1", StartRecordType: "A")));

        Assert.Empty(_aws.Handler.Requests);
    }

    public void Dispose() => _aws.Dispose();
}
