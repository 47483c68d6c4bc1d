using System.Net;
using DrLambdas.Aws.Route53;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.Route53;

public sealed class Route53ClientResponseTests : IDisposable
{
    private readonly TestAws _aws = new();

    [Fact]
    public async Task ListResourceRecordSets_Fixture_ParsesAliasAndValueRecordsAndNextPosition()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("route53-list-resource-record-sets.xml"));
        var request = new ListResourceRecordSetsRequest("Z1", "api.example.com.", "A", MaxItems: 2);

        var page = await _aws.Factory.Route53.ListResourceRecordSetsAsync(request);

        Assert.Equal(2, page.RecordSets.Count);
        var alias = page.RecordSets[0];
        Assert.Equal(("api.example.com.", "A", "nrt", 30L), (alias.Name, alias.Type, alias.SetIdentifier, alias.Weight));
        Assert.Equal(new AliasTarget("Z14GRHDCWA56QT", "nrt-alb-123.ap-northeast-1.elb.amazonaws.com.", true), alias.AliasTarget);
        Assert.Equal("abcdef11-2222-3333-4444-555555fedcba", alias.HealthCheckId);
        Assert.Null(alias.Ttl);
        Assert.Empty(alias.ResourceRecords);
        var plain = page.RecordSets[1];
        Assert.Equal(("tpe", 70L, 60L), (plain.SetIdentifier, plain.Weight, plain.Ttl));
        Assert.Equal(["192.0.2.10", "192.0.2.11"], plain.ResourceRecords);
        Assert.True(page.IsTruncated);
        Assert.Equal(request with { StartRecordName = "www.example.com.", StartRecordType = "CNAME", StartRecordIdentifier = "nrt" }, page.NextRequest(request));
    }

    [Fact]
    public async Task ListRecordSets_SecondPageLeavesTheName_StopsAtTheFirstOtherRecord()
    {
        var first = TestAws.Fixture("route53-list-resource-record-sets.xml")
            .Replace("<NextRecordName>www.example.com.</NextRecordName>", "<NextRecordName>api.example.com.</NextRecordName>", StringComparison.Ordinal)
            .Replace("<NextRecordType>CNAME</NextRecordType>", "<NextRecordType>A</NextRecordType>", StringComparison.Ordinal)
            .Replace("<NextRecordIdentifier>nrt</NextRecordIdentifier>", "<NextRecordIdentifier>zzz</NextRecordIdentifier>", StringComparison.Ordinal);
        var second = """
            <ListResourceRecordSetsResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
              <ResourceRecordSets>
                <ResourceRecordSet><Name>api.example.com.</Name><Type>A</Type><SetIdentifier>zzz</SetIdentifier><Weight>0</Weight><TTL>60</TTL>
                  <ResourceRecords><ResourceRecord><Value>192.0.2.99</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>
                <ResourceRecordSet><Name>www.example.com.</Name><Type>CNAME</Type><TTL>60</TTL>
                  <ResourceRecords><ResourceRecord><Value>api.example.com</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>
              </ResourceRecordSets>
              <IsTruncated>false</IsTruncated><MaxItems>300</MaxItems>
            </ListResourceRecordSetsResponse>
            """;
        _aws.Handler.RespondXml(first).RespondXml(second);

        var sets = await _aws.Factory.Route53.ListRecordSetsAsync("Z1", "API.example.com", "A");

        Assert.Equal(["nrt", "tpe", "zzz"], sets.Select(s => s.SetIdentifier));
        Assert.Equal("name=api.example.com.&type=A&identifier=zzz", _aws.Handler.Requests[1].Uri.Query.TrimStart('?'));
    }

    [Fact]
    public async Task ChangeResourceRecordSets_Fixture_ReturnsPendingChange()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("route53-change-resource-record-sets.xml"));

        var change = await _aws.Factory.Route53.ChangeResourceRecordSetsAsync("Z1", new ChangeBatch(
            [new ResourceRecordSetChange(ChangeAction.Upsert, new ResourceRecordSet("a.example.com.", "A", Ttl: 60, ResourceRecords: ["192.0.2.1"]))]));

        Assert.Equal(
            new ChangeInfo("/change/C2682N5HXP0BZ4", ChangeStatus.Pending, new DateTimeOffset(2026, 11, 26, 0, 0, 5, 123, TimeSpan.Zero), "dr-incident-42"),
            change);
    }

    [Fact]
    public async Task GetChange_Fixture_ReturnsInSync()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("route53-get-change.xml"));

        var change = await _aws.Factory.Route53.GetChangeAsync("C2682N5HXP0BZ4");

        Assert.Equal(ChangeStatus.InSync, change.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 5, TimeSpan.Zero), change.SubmittedAt);
        Assert.Null(change.Comment);
    }

    [Fact]
    public async Task GetHealthCheckStatus_Fixture_ReturnsOneObservationPerChecker()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("route53-get-health-check-status.xml"));

        var observations = await _aws.Factory.Route53.GetHealthCheckStatusAsync("abcdef11-2222-3333-4444-555555fedcba");

        Assert.Equal(2, observations.Count);
        Assert.Equal(("ap-southeast-1", "15.177.2.5", true), (observations[0].Region, observations[0].IpAddress, observations[0].IsHealthy));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 10, TimeSpan.Zero), observations[0].CheckedTime);
        Assert.Equal(("us-west-1", false), (observations[1].Region, observations[1].IsHealthy));
        Assert.StartsWith("Failure: Connection timed out", observations[1].Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_InvalidChangeBatch_ThrowsWithRootNameAsCodeAndMessages()
    {
        _aws.Handler.Respond(HttpStatusCode.BadRequest, TestAws.Fixture("route53-error-invalid-change-batch.xml"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Factory.Route53.ChangeResourceRecordSetsAsync("Z1", new ChangeBatch(
            [new ResourceRecordSetChange(ChangeAction.Delete, new ResourceRecordSet("api.example.com.", "A", "tpe", 1, 60, ["192.0.2.1"]))])));

        Assert.Equal("InvalidChangeBatch", error.ErrorCode);
        Assert.Contains("but it was not found", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("b25f48e8-84fd-11e6-80d9-574e0c4664cb", error.RequestId);
        Assert.Equal("Route 53", error.Service);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task GetChange_NoSuchChange_ThrowsErrorResponseCode()
    {
        _aws.Handler.Respond(HttpStatusCode.NotFound, TestAws.Fixture("route53-error-no-such-change.xml"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Factory.Route53.GetChangeAsync("C404"));

        Assert.Equal(("NoSuchChange", HttpStatusCode.NotFound), (error.ErrorCode, error.StatusCode));
        Assert.Equal("0dd5e1b5-9a38-4b6d-8b45-0b6fb7c4a1de", error.RequestId);
    }

    [Fact]
    public async Task GetChange_UnknownStatus_ThrowsInvalidResponse()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("route53-get-change.xml").Replace("INSYNC", "DONE", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Factory.Route53.GetChangeAsync("C1"));

        Assert.Equal(AwsClientErrorCodes.InvalidResponse, error.ErrorCode);
    }

    public void Dispose() => _aws.Dispose();
}
