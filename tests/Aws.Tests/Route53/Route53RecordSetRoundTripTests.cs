using System.Xml.Linq;
using DrLambdas.Aws.Route53;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.Route53;

/// <summary>
/// A weighted record read from <c>ListResourceRecordSets</c> and written back in a DELETE carries every element
/// Route 53 defines for it, unchanged: a DELETE that drops one no longer matches and the compare-and-swap fails.
/// </summary>
public sealed class Route53RecordSetRoundTripTests : IDisposable
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private readonly TestAws _aws = new();

    public static TheoryData<string> WeightedRecords => new(
        """
        <ResourceRecordSet><Name>api.example.com.</Name><Type>A</Type><SetIdentifier>tpe</SetIdentifier><Weight>70</Weight><TTL>60</TTL>
          <ResourceRecords><ResourceRecord><Value>192.0.2.10</Value></ResourceRecord><ResourceRecord><Value>192.0.2.11</Value></ResourceRecord></ResourceRecords>
          <HealthCheckId>abcdef11-2222-3333-4444-555555fedcba</HealthCheckId></ResourceRecordSet>
        """,
        """
        <ResourceRecordSet><Name>api.example.com.</Name><Type>A</Type><SetIdentifier>nrt</SetIdentifier><Weight>30</Weight>
          <AliasTarget><HostedZoneId>Z14GRHDCWA56QT</HostedZoneId><DNSName>nrt-alb-123.ap-northeast-1.elb.amazonaws.com.</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget>
          <HealthCheckId>abcdef11-2222-3333-4444-555555fedcbb</HealthCheckId></ResourceRecordSet>
        """,
        """
        <ResourceRecordSet><Name>api.example.com.</Name><Type>A</Type><SetIdentifier>tpe</SetIdentifier><Weight>100</Weight>
          <AliasTarget><HostedZoneId>Z2YN17T5R711GT</HostedZoneId><DNSName>dualstack.tpe-alb-1.ap-east-2.elb.amazonaws.com.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget>
          <HealthCheckId>abcdef11-2222-3333-4444-555555fedcbc</HealthCheckId></ResourceRecordSet>
        """,
        """
        <ResourceRecordSet><Name>api.example.com.</Name><Type>CNAME</Type><SetIdentifier>policy</SetIdentifier><Weight>0</Weight><TTL>300</TTL>
          <ResourceRecords><ResourceRecord><Value>tpe.example.com</Value></ResourceRecord></ResourceRecords>
          <TrafficPolicyInstanceId>12345678-abcd-abcd-abcd-123456789012</TrafficPolicyInstanceId></ResourceRecordSet>
        """);

    [Theory]
    [MemberData(nameof(WeightedRecords))]
    public async Task ListThenDelete_WeightedRecord_WritesBackEveryElementAsRead(string recordXml)
    {
        var listed = XElement.Parse(recordXml.Replace("<ResourceRecordSet>", $"<ResourceRecordSet xmlns=\"{Ns.NamespaceName}\">", StringComparison.Ordinal));
        _aws.Handler
            .RespondXml(new XElement(Ns + "ListResourceRecordSetsResponse",
                new XElement(Ns + "ResourceRecordSets", listed),
                new XElement(Ns + "IsTruncated", "false"),
                new XElement(Ns + "MaxItems", "300")).ToString())
            .RespondXml(TestAws.Fixture("route53-change-resource-record-sets.xml"));

        var page = await _aws.Factory.Route53.ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest("Z1"));
        await _aws.Factory.Route53.ChangeResourceRecordSetsAsync("Z1", new ChangeBatch(
            [new ResourceRecordSetChange(ChangeAction.Delete, Assert.Single(page.RecordSets))]));

        var written = XDocument.Parse(_aws.Handler.Requests[1].Body).Descendants(Ns + "ResourceRecordSet").Single();
        Assert.Equal(Canonical(listed), Canonical(written));
    }

    [Fact]
    public async Task ListThenCreate_AliasToALoadBalancerWithAHealthCheck_NewHealthCheckKeepsTheAliasTargetAndEvaluateTargetHealth()
    {
        const string alias = """
            <ResourceRecordSet xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Name>api.example.com.</Name><Type>A</Type><SetIdentifier>tpe</SetIdentifier><Weight>100</Weight>
              <AliasTarget><HostedZoneId>Z2YN17T5R711GT</HostedZoneId><DNSName>tpe-alb-1.ap-east-2.elb.amazonaws.com.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget></ResourceRecordSet>
            """;
        _aws.Handler
            .RespondXml(new XElement(Ns + "ListResourceRecordSetsResponse",
                new XElement(Ns + "ResourceRecordSets", XElement.Parse(alias)),
                new XElement(Ns + "IsTruncated", "false"),
                new XElement(Ns + "MaxItems", "300")).ToString())
            .RespondXml(TestAws.Fixture("route53-change-resource-record-sets.xml"));

        var read = Assert.Single((await _aws.Factory.Route53.ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest("Z1"))).RecordSets);
        await _aws.Factory.Route53.ChangeResourceRecordSetsAsync("Z1", new ChangeBatch(
            [new ResourceRecordSetChange(ChangeAction.Create, read with { HealthCheckId = "abcdef11-2222-3333-4444-555555fedcbd" })]));

        Assert.Equal(new AliasTarget("Z2YN17T5R711GT", "tpe-alb-1.ap-east-2.elb.amazonaws.com.", true), read.AliasTarget);
        var written = XDocument.Parse(_aws.Handler.Requests[1].Body).Descendants(Ns + "ResourceRecordSet").Single();
        Assert.Equal("true", written.Element(Ns + "AliasTarget")!.Element(Ns + "EvaluateTargetHealth")!.Value);
        Assert.Equal("abcdef11-2222-3333-4444-555555fedcbd", written.Element(Ns + "HealthCheckId")!.Value);
        Assert.Null(written.Element(Ns + "TTL"));
    }

    private static string Canonical(XElement element) => element.ToString(SaveOptions.DisableFormatting);

    public void Dispose() => _aws.Dispose();
}
