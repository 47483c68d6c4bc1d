using DrLambdas.Aws.Route53;
using DrLambdas.Aws.Tests.Support;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Tests.Transport;

public sealed class EndpointResolutionTests
{
    private static AwsClientOptions FromVariables(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return AwsClientOptions.FromEnvironment(name => map.GetValueOrDefault(name));
    }

    private static AwsEndpoint Resolve(AwsClientOptions options, AwsService service, string? region = null) =>
        new AwsEndpointResolver(options).Resolve(service, region);

    [Theory]
    [InlineData("RDS", "https://rds.ap-east-2.amazonaws.com/", "ap-east-2")]
    [InlineData("SNS", "https://sns.ap-east-2.amazonaws.com/", "ap-east-2")]
    [InlineData("SFN", "https://states.ap-east-2.amazonaws.com/", "ap-east-2")]
    [InlineData("CloudWatch", "https://monitoring.ap-east-2.amazonaws.com/", "ap-east-2")]
    [InlineData("Route 53", "https://route53.amazonaws.com/", "us-east-1")]
    public void Resolve_NoEndpointVariables_UsesPublicAwsEndpoint(string service, string url, string signingRegion)
    {
        var endpoint = Resolve(FromVariables(("AWS_REGION", "ap-east-2")), AwsService.All.Single(s => s.DisplayName == service));

        Assert.Equal(new AwsEndpoint(new Uri(url), signingRegion), endpoint);
    }

    [Fact]
    public void Resolve_RegionOverride_ChangesHostAndSigningRegion() =>
        Assert.Equal(
            new AwsEndpoint(new Uri("https://rds.ap-northeast-1.amazonaws.com/"), "ap-northeast-1"),
            Resolve(FromVariables(("AWS_REGION", "ap-east-2")), AwsService.Rds, "ap-northeast-1"));

    [Fact]
    public void Resolve_ChinaRegion_UsesChinaSuffixAndGlobalSigningRegion()
    {
        var options = FromVariables(("AWS_REGION", "cn-north-1"));

        Assert.Equal("https://sns.cn-north-1.amazonaws.com.cn/", Resolve(options, AwsService.Sns).BaseUri.ToString());
        Assert.Equal(new AwsEndpoint(new Uri("https://route53.amazonaws.com.cn/"), "cn-northwest-1"), Resolve(options, AwsService.Route53));
    }

    [Fact]
    public void Resolve_GovCloudRegion_UsesGovRoute53Endpoint() =>
        Assert.Equal(
            new AwsEndpoint(new Uri("https://route53.us-gov.amazonaws.com/"), "us-gov-west-1"),
            Resolve(FromVariables(("AWS_REGION", "us-gov-east-1")), AwsService.Route53));

    [Fact]
    public void Resolve_GlobalEndpointUrl_AppliesToEveryServiceKeepingSigningRegions()
    {
        var options = FromVariables(("AWS_REGION", "ap-east-2"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));

        Assert.All(AwsService.All, s => Assert.Equal(new Uri("http://127.0.0.1:4566"), Resolve(options, s).BaseUri));
        Assert.Equal("ap-northeast-1", Resolve(options, AwsService.Rds, "ap-northeast-1").SigningRegion);
        Assert.Equal("us-east-1", Resolve(options, AwsService.Route53).SigningRegion);
    }

    [Theory]
    [InlineData("RDS", "AWS_ENDPOINT_URL_RDS")]
    [InlineData("Route 53", "AWS_ENDPOINT_URL_ROUTE_53")]
    [InlineData("SNS", "AWS_ENDPOINT_URL_SNS")]
    [InlineData("SFN", "AWS_ENDPOINT_URL_SFN")]
    [InlineData("CloudWatch", "AWS_ENDPOINT_URL_CLOUDWATCH")]
    public void Resolve_ServiceEndpointVariable_WinsOverGlobalOne(string service, string variable)
    {
        var options = FromVariables(("AWS_REGION", "ap-east-2"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), (variable, "http://127.0.0.1:2/svc"));
        var target = AwsService.All.Single(s => s.DisplayName == service);

        Assert.Equal(new Uri("http://127.0.0.1:2/svc"), Resolve(options, target).BaseUri);
        Assert.All(AwsService.All.Where(s => s != target), s => Assert.Equal(new Uri("http://127.0.0.1:1"), Resolve(options, s).BaseUri));
    }

    [Fact]
    public void Resolve_IgnoreConfiguredEndpointUrls_UsesAwsEndpoints()
    {
        var options = FromVariables(
            ("AWS_REGION", "ap-east-2"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), ("AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:2"),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.Equal("https://sns.ap-east-2.amazonaws.com/", Resolve(options, AwsService.Sns).BaseUri.ToString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:4566/lab", "/2013-04-01/change/C1", "http://127.0.0.1:4566/lab/2013-04-01/change/C1")]
    [InlineData("http://127.0.0.1:4566/lab/", "/", "http://127.0.0.1:4566/lab/")]
    [InlineData("http://127.0.0.1:4566", "/", "http://127.0.0.1:4566/")]
    public void BuildUri_PathPrefix_IsKeptInFrontOfOperationPath(string baseUrl, string path, string expected) =>
        Assert.Equal(expected, new AwsEndpoint(new Uri(baseUrl), "us-east-1").BuildUri(path).AbsoluteUri);

    [Fact]
    public async Task Route53Call_EndpointWithPathPrefix_SendsUnderThePrefix()
    {
        using var aws = new TestAws(o => o with { ServiceEndpointUrls = new Dictionary<AwsService, Uri> { [AwsService.Route53] = new("http://127.0.0.1:4566/lab") } });
        aws.Handler.RespondXml(TestAws.Fixture("route53-get-change.xml"));

        await aws.Factory.Route53.GetChangeAsync("C2682N5HXP0BZ4");

        Assert.Equal("http://127.0.0.1:4566/lab/2013-04-01/change/C2682N5HXP0BZ4", aws.SingleRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task QueryCall_EndpointWithPathPrefix_PostsToThePrefix()
    {
        using var aws = new TestAws(o => o with { EndpointUrl = new Uri("http://127.0.0.1:4566/lab/") });
        aws.Handler.RespondXml(TestAws.Fixture("sns-publish.xml"));

        await aws.Factory.Sns.PublishAsync(new DrLambdas.Aws.Sns.SnsPublishRequest("arn:aws:sns:ap-northeast-1:1:t", "m"));

        Assert.Equal("http://127.0.0.1:4566/lab/", aws.SingleRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public void DnsNames_Normalize_LowerCasesAndAddsTrailingDot() =>
        Assert.Equal("api.example.com.", DnsNames.Normalize("API.Example.com"));
}
