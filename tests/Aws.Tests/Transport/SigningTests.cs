using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.Transport;

/// <summary>
/// Requests of the AWS Signature Version 4 test suite (<c>get-vanilla</c>, <c>post-x-www-form-urlencoded</c>; credentials
/// AKIDEXAMPLE, 2015-08-30T12:36:00Z) signed through the same AWSSDK.Core handler and per-request Region override the
/// clients use. AWSSDK.Core also signs <c>x-amz-content-sha256</c> (and <c>content-length</c> of a body), so the expected signatures are the suite's
/// requests plus that header, computed independently with botocore's <c>SigV4Auth</c>.
/// </summary>
public sealed class SigningTests
{
    private static readonly BasicAWSCredentials ExampleCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    private static async Task<RecordedRequest> SignAsync(HttpRequestMessage request, string service, string handlerRegion)
    {
        var recorder = new RecordingHandler().Respond(System.Net.HttpStatusCode.OK, string.Empty);
        using var signing = new SigV4SigningHandler(
            new AWSSigV4Parameters
            {
                Credentials = ExampleCredentials,
                Region = RegionEndpoint.GetBySystemName(handlerRegion),
                Service = service,
                SignedAt = SignedAt,
            },
            recorder);
        using var client = new HttpClient(signing);
        using var response = await client.SendAsync(request);
        return Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task Sign_GetVanillaVector_ProducesTheSuiteSignature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        var signed = await SignAsync(request, "service", "us-east-1");

        Assert.Equal("20150830T123600Z", signed.Header("X-Amz-Date"));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", signed.Header("X-Amz-Content-SHA256"));
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
            + "Signature=726c5c4879a6b4ccbbd3b24edbd6b8826d34f87450fbbf4e85546fc7ba9c1642",
            signed.Header("Authorization"));
    }

    [Fact]
    public async Task Sign_FormPostWithRegionOverrideOption_SignsForTheOverrideRegion()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/")
        {
            Content = new StringContent("Param1=value1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Options.Set(new HttpRequestOptionsKey<string>(SigV4SigningHandler.RegionOptionKey), "us-east-1");

        var signed = await SignAsync(request, "service", "ap-east-2");

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, "
            + "Signature=328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422",
            signed.Header("Authorization"));
        Assert.Equal("Param1=value1", signed.Body);
    }

    [Fact]
    public async Task ClientRequest_Always_CarriesSigV4AuthorizationForServiceAndRegion()
    {
        using var aws = new TestAws();
        aws.Handler.RespondXml(TestAws.Fixture("rds-describe-db-clusters.xml"));

        await aws.Factory.Rds.DescribeDbClustersAsync(region: "ap-east-2");

        var authorization = aws.SingleRequest.Header("Authorization");
        Assert.Matches(
            @"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/ap-east-2/rds/aws4_request, SignedHeaders=[a-z0-9;-]*host;[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$",
            authorization);
    }
}
