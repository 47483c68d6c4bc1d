using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Protocol;

public class WireFormatTests
{
    [Fact]
    public void ErrorReply_Query_IsErrorResponseWithTypeCodeMessageAndRequestId()
    {
        var reply = AwsErrors.Reply(AwsProtocol.Query, "rds", new LabError("InvalidGlobalClusterStateFault", "busy"), "req-1");

        var root = XElement.Parse(reply.Body);
        XNamespace ns = "http://rds.amazonaws.com/doc/2014-10-31/";
        Assert.Equal(ns + "ErrorResponse", root.Name);
        Assert.Equal("Sender", root.Element(ns + "Error")?.Element(ns + "Type")?.Value);
        Assert.Equal("InvalidGlobalClusterStateFault", root.Element(ns + "Error")?.Element(ns + "Code")?.Value);
        Assert.Equal("req-1", root.Element(ns + "RequestId")?.Value);
        Assert.Equal(400, reply.Status);
    }

    [Fact]
    public void ErrorReply_JsonForCloudWatch_CarriesTypeAndQueryCompatibleHeader()
    {
        var reply = AwsErrors.Reply(AwsProtocol.Json, "monitoring", AwsErrors.Throttling("monitoring"), "req-2");

        using var body = JsonDocument.Parse(reply.Body);
        Assert.Equal("Throttling", body.RootElement.GetProperty("__type").GetString());
        Assert.Equal("Throttling;Sender", reply.Headers?["x-amzn-query-error"]);
    }

    [Fact]
    public void Throttling_StepFunctions_UsesThrottlingException()
    {
        Assert.Equal("ThrottlingException", AwsErrors.Throttling("states").Code);
        Assert.Equal("Throttling", AwsErrors.Throttling("rds").Code);
    }

    [Fact]
    public void QueryParameters_MembersAndEntries_ReadInOrder()
    {
        var form = QueryParameters.ParseForm(
            "AlarmNames.member.1=a&AlarmNames.member.2=b+c&MessageAttributes.entry.1.Name=k&MessageAttributes.entry.1.Value.StringValue=v%26w");

        Assert.Equal(["a", "b c"], QueryParameters.List(form, "AlarmNames.member"));
        var entry = Assert.Single(QueryParameters.Structures(form, "MessageAttributes.entry"));
        Assert.Equal("k", entry["Name"]);
        Assert.Equal("v&w", entry["Value.StringValue"]);
    }

    [Fact]
    public void ChangeBatchReader_WeightedAndAliasChanges_Parsed()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
              <ChangeBatch><Comment>drain</Comment><Changes>
                <Change><Action>UPSERT</Action><ResourceRecordSet><Name>API.example.com</Name><Type>A</Type>
                  <SetIdentifier>tpe</SetIdentifier><Weight>0</Weight><TTL>60</TTL>
                  <ResourceRecords><ResourceRecord><Value>192.0.2.10</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change>
                <Change><Action>CREATE</Action><ResourceRecordSet><Name>www.example.com.</Name><Type>A</Type>
                  <AliasTarget><HostedZoneId>Z2</HostedZoneId><DNSName>D1.cloudfront.net</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget>
                </ResourceRecordSet></Change>
              </Changes></ChangeBatch>
            </ChangeResourceRecordSetsRequest>
            """;

        var (changes, comment) = Route53ChangeBatchReader.Read(Encoding.UTF8.GetBytes(xml));

        Assert.Equal("drain", comment);
        Assert.Equal("api.example.com.", changes[0].RecordSet.Name);
        Assert.Equal(0, changes[0].RecordSet.Weight);
        Assert.Equal(new AliasTarget("Z2", "d1.cloudfront.net.", true), changes[1].RecordSet.AliasTarget);
    }

    [Fact]
    public void ChangeBatchReader_MalformedXml_ThrowsInvalidInput()
    {
        var error = Assert.Throws<LabError>(() => Route53ChangeBatchReader.Read("<ChangeResourceRecordSetsRequest>"u8.ToArray()));

        Assert.Equal("InvalidInput", error.Code);
    }

    [Fact]
    public void ChangeBatchReader_CommentOver256Characters_ThrowsInvalidInput()
    {
        var xml = $"""
            <ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
              <ChangeBatch><Comment>{new string('c', 257)}</Comment><Changes>
                <Change><Action>UPSERT</Action><ResourceRecordSet><Name>api.example.com</Name><Type>A</Type>
                  <SetIdentifier>tpe</SetIdentifier><Weight>0</Weight><TTL>60</TTL>
                  <ResourceRecords><ResourceRecord><Value>192.0.2.10</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change>
              </Changes></ChangeBatch>
            </ChangeResourceRecordSetsRequest>
            """;

        var error = Assert.Throws<LabError>(() => Route53ChangeBatchReader.Read(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal("InvalidInput", error.Code);
    }
}
