using System.Text;
using DrLambdas.DrLab.Iam;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Iam;

public class CallAuthorizerTests
{
    private const string Topic = "arn:aws:sns:ap-east-2:111122223333:dr-alerts";
    private const string KeyArn = "arn:aws:kms:ap-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private readonly LabFixture _lab = new();

    private sealed class FixedTopicKeys(string? keyId) : ITopicKeyLookup
    {
        public string? KmsMasterKeyId(WorldState world, string topicArn) => string.Equals(topicArn, Topic, StringComparison.Ordinal) ? keyId : null;

        public string? ResolveAlias(WorldState world, string region, string aliasName) =>
            string.Equals(aliasName, "alias/dr-alerts", StringComparison.Ordinal) ? KeyArn : null;
    }

    private static AwsCall Call(string service, string operation, string region = "ap-east-2", string path = "/",
        Dictionary<string, string>? parameters = null, string body = "", AwsProtocol protocol = AwsProtocol.Query) =>
        new(service, region, protocol, operation, "req", "POST", path, parameters ?? [], Encoding.UTF8.GetBytes(body));

    private static IamPrincipal Role(string policy) =>
        new("arn:aws:iam::111122223333:role/r", [new NamedPolicy("p", PolicyParser.Parse(policy))], "AKIAEXAMPLE", "secret");

    private AccessDenial? Authorize(IServiceAuthorization mapping, string policy, AwsCall call) =>
        _lab.Run(state => new CallAuthorizer([mapping]).Authorize(Role(policy), call, state));

    private IReadOnlyList<RequiredPermission> Permissions(IServiceAuthorization mapping, AwsCall call) =>
        _lab.Run(state => mapping.Permissions(call, state));

    private const string PublishOnly = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"Resource\":\"" + Topic + "\"}}";

    [Theory]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData(KeyArn)]
    [InlineData("alias/dr-alerts")]
    public void Publish_EncryptedTopicWithoutKmsPermissions_IsKmsAccessDeniedOnTheKey(string keyId)
    {
        var denial = Authorize(new SnsAuthorization(new FixedTopicKeys(keyId)), PublishOnly,
            Call("sns", "Publish", parameters: new() { ["TopicArn"] = Topic }));

        Assert.Equal(("kms:GenerateDataKey", KeyArn, DenialKind.KmsAccessDenied), (denial?.Permission.Action, denial?.Resource, denial?.Permission.Denial));
    }

    [Fact]
    public void Publish_EncryptedTopicWithKmsPermissions_IsAllowed()
    {
        const string policy = """
            {"Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"arn:aws:sns:ap-east-2:111122223333:dr-alerts"},
              {"Effect":"Allow","Action":["kms:GenerateDataKey","kms:Decrypt"],"Resource":"arn:aws:kms:ap-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
               "Condition":{"StringEquals":{"kms:ViaService":"sns.ap-east-2.amazonaws.com"}}}]}
            """;

        Assert.Null(Authorize(new SnsAuthorization(new FixedTopicKeys(KeyArn)), policy,
            Call("sns", "Publish", parameters: new() { ["TopicArn"] = Topic })));
    }

    [Fact]
    public void Publish_UnencryptedTopic_NeedsOnlySnsPublish() =>
        Assert.Null(Authorize(new SnsAuthorization(new FixedTopicKeys(null)), PublishOnly,
            Call("sns", "Publish", parameters: new() { ["TopicArn"] = Topic })));

    [Fact]
    public void KmsDenial_IsAnsweredAsSnsKmsAccessDenied()
    {
        var call = Call("sns", "Publish", parameters: new() { ["TopicArn"] = Topic });
        var denial = Authorize(new SnsAuthorization(new FixedTopicKeys(KeyArn)), PublishOnly, call)!;

        var error = AccessDeniedErrors.For(call, denial);

        Assert.Equal(("KMSAccessDenied", 400), (error.Code, error.HttpStatus));
    }

    [Fact]
    public void FailoverGlobalCluster_NeedsTheGlobalClusterAndTheTargetCluster()
    {
        var call = Call("rds", "FailoverGlobalCluster", parameters: new()
        {
            ["GlobalClusterIdentifier"] = "drlab-global",
            ["TargetDbClusterIdentifier"] = "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-ap-northeast-1",
        });

        var permission = Assert.Single(Permissions(new RdsAuthorization(), call));

        Assert.Equal("rds:FailoverGlobalCluster", permission.Action);
        Assert.Equal(["arn:aws:rds::111122223333:global-cluster:drlab-global", "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-ap-northeast-1"],
            permission.Resources);
    }

    [Fact]
    public void DescribeDBClusters_ByIdentifier_IsTheClusterArnOfItsRegion()
    {
        var permission = Assert.Single(Permissions(new RdsAuthorization(),
            Call("rds", "DescribeDBClusters", region: "ap-east-2", parameters: new() { ["DBClusterIdentifier"] = "app-ap-east-2" })));

        Assert.Equal(["arn:aws:rds:ap-east-2:111122223333:cluster:app-ap-east-2"], permission.Resources);
    }

    [Fact]
    public void DescribeAlarms_WithoutNames_IsEveryAlarmOfTheRegion()
    {
        var permission = Assert.Single(Permissions(new CloudWatchAuthorization(), Call("monitoring", "DescribeAlarms", region: "us-east-1")));

        Assert.Equal(("cloudwatch:DescribeAlarms", "arn:aws:cloudwatch:us-east-1:111122223333:alarm:*"), (permission.Action, permission.Resources[0]));
    }

    [Fact]
    public void DescribeAlarms_JsonProtocolNames_AreEachAlarmArn()
    {
        var permission = Assert.Single(Permissions(new CloudWatchAuthorization(),
            Call("monitoring", "DescribeAlarms", body: """{"AlarmNames":["a","b"]}""", protocol: AwsProtocol.Json)));

        Assert.Equal(["arn:aws:cloudwatch:ap-east-2:111122223333:alarm:a", "arn:aws:cloudwatch:ap-east-2:111122223333:alarm:b"], permission.Resources);
    }

    [Fact]
    public void GetMetricData_HasNoResourceType()
    {
        var permission = Assert.Single(Permissions(new CloudWatchAuthorization(), Call("monitoring", "GetMetricData")));

        Assert.Equal(["*"], permission.Resources);
    }

    [Fact]
    public void GetChange_IsTheChangeArn()
    {
        var permission = Assert.Single(Permissions(new Route53Authorization(),
            Call("route53", "GetChange", region: "us-east-1", path: "/2013-04-01/change/C0123", protocol: AwsProtocol.RestXml)));

        Assert.Equal(("route53:GetChange", "arn:aws:route53:::change/C0123"), (permission.Action, permission.Resources[0]));
    }

    [Fact]
    public void GetHealthCheckStatus_IsTheHealthCheckArn()
    {
        var permission = Assert.Single(Permissions(new Route53Authorization(),
            Call("route53", "GetHealthCheckStatus", region: "us-east-1", path: "/2013-04-01/healthcheck/hc-1/status", protocol: AwsProtocol.RestXml)));

        Assert.Equal(["arn:aws:route53:::healthcheck/hc-1"], permission.Resources);
    }

    [Theory]
    [InlineData("GetHealthCheck", "GET")]
    [InlineData("DeleteHealthCheck", "DELETE")]
    public void HealthCheckById_IsTheHealthCheckArn(string operation, string method)
    {
        var permission = Assert.Single(Permissions(new Route53Authorization(),
            Call("route53", operation, region: "us-east-1", path: "/2013-04-01/healthcheck/hc-1", protocol: AwsProtocol.RestXml) with { Method = method }));

        Assert.Equal(("route53:" + operation, "arn:aws:route53:::healthcheck/hc-1"), (permission.Action, permission.Resources[0]));
    }

    [Theory]
    [InlineData("CreateHealthCheck")]
    [InlineData("ListHealthChecks")]
    public void HealthCheckCollection_HasNoResourceType(string operation)
    {
        var permission = Assert.Single(Permissions(new Route53Authorization(),
            Call("route53", operation, region: "us-east-1", path: "/2013-04-01/healthcheck", protocol: AwsProtocol.RestXml)));

        Assert.Equal(["*"], permission.Resources);
    }

    [Fact]
    public void ChangeResourceRecordSets_ContextKeys_ComeFromTheChangeBatch()
    {
        const string batch = """
            <ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeBatch><Changes>
              <Change><Action>DELETE</Action><ResourceRecordSet><Name>API.example.com.</Name><Type>A</Type><SetIdentifier>tpe</SetIdentifier><Weight>70</Weight><TTL>60</TTL>
                <ResourceRecords><ResourceRecord><Value>192.0.2.10</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change>
              <Change><Action>CREATE</Action><ResourceRecordSet><Name>api.example.com</Name><Type>A</Type><SetIdentifier>tpe</SetIdentifier><Weight>60</Weight><TTL>60</TTL>
                <ResourceRecords><ResourceRecord><Value>192.0.2.10</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change>
            </Changes></ChangeBatch></ChangeResourceRecordSetsRequest>
            """;

        var permission = Assert.Single(Permissions(new Route53Authorization(), Call("route53", "ChangeResourceRecordSets", region: "us-east-1",
            path: "/2013-04-01/hostedzone/Z0DRLAB0123456789ABC/rrset/", body: batch, protocol: AwsProtocol.RestXml)));

        Assert.Equal(["DELETE", "CREATE"], permission.Context![Route53Authorization.ActionsKey]);
        Assert.Equal(["api.example.com"], permission.Context[Route53Authorization.NamesKey]);
        Assert.Equal(["A"], permission.Context[Route53Authorization.TypesKey]);
    }

    [Fact]
    public void StartExecution_IsTheStateMachineArn_DescribeExecutionTheExecutionArn()
    {
        const string machine = "arn:aws:states:ap-east-2:111122223333:stateMachine:dr-failover";
        const string execution = "arn:aws:states:ap-east-2:111122223333:execution:dr-failover:run-1";
        var mapping = new StepFunctionsAuthorization();

        var start = Assert.Single(Permissions(mapping, Call("states", "StartExecution", body: $$"""{"stateMachineArn":"{{machine}}"}""", protocol: AwsProtocol.Json)));
        var describe = Assert.Single(Permissions(mapping, Call("states", "DescribeExecution", body: $$"""{"executionArn":"{{execution}}"}""", protocol: AwsProtocol.Json)));

        Assert.Equal([machine], start.Resources);
        Assert.Equal([execution], describe.Resources);
    }

    [Fact]
    public void GetExecutionHistory_IsTheExecutionArn()
    {
        const string execution = "arn:aws:states:ap-east-2:111122223333:execution:dr-failover:run-1";

        var history = Assert.Single(Permissions(new StepFunctionsAuthorization(),
            Call("states", "GetExecutionHistory", body: $$"""{"executionArn":"{{execution}}","maxResults":1000}""", protocol: AwsProtocol.Json)));

        Assert.Equal("states:GetExecutionHistory", history.Action);
        Assert.Equal([execution], history.Resources);
    }

    [Fact]
    public void RequestedRegion_IsTheCallsRegion()
    {
        const string policy = """
            {"Statement":{"Effect":"Allow","Action":"rds:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"ap-northeast-1"}}}}
            """;

        var denial = Authorize(new RdsAuthorization(), policy, Call("rds", "DescribeGlobalClusters", region: "ap-east-2"));

        Assert.Equal(Decision.ImplicitDeny, denial?.Result.Decision);
    }
}
