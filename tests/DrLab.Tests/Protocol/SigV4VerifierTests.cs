using System.Text;
using DrLambdas.DrLab.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.DrLab.Tests.Protocol;

public class SigV4VerifierTests
{
    // The example request of AWS's Signature Version 4 documentation (IAM ListUsers, 2015-08-30T12:36:00Z).
    private const string ExampleKey = "AKIDEXAMPLE";
    private const string ExampleSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string ExampleSignature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private static readonly DateTimeOffset ExampleTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static SignedRequest ExampleRequest(string signature = ExampleSignature, string accessKey = ExampleKey, byte[]? body = null) =>
        new("GET", "/", "Action=ListUsers&Version=2010-05-08",
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["Host"] = ["iam.amazonaws.com"],
                ["Content-Type"] = ["application/x-www-form-urlencoded; charset=utf-8"],
                ["X-Amz-Date"] = ["20150830T123600Z"],
                ["Authorization"] =
                [
                    $"AWS4-HMAC-SHA256 Credential={accessKey}/20150830/us-east-1/iam/aws4_request, "
                    + $"SignedHeaders=content-type;host;x-amz-date, Signature={signature}",
                ],
            },
            body ?? []);

    private static SigV4Verifier Verifier(DateTimeOffset now) => new(ExampleKey, ExampleSecret, new FakeTimeProvider(now));

    [Fact]
    public void Verify_AwsDocumentedExample_Accepts()
    {
        var verdict = Verifier(ExampleTime).Verify(ExampleRequest());

        Assert.True(verdict.IsValid, verdict.Message);
        Assert.Equal("iam", verdict.Scope?.Service);
        Assert.Equal("us-east-1", verdict.Scope?.Region);
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_RejectsAsMismatch()
    {
        var verdict = Verifier(ExampleTime).Verify(ExampleRequest(body: Encoding.UTF8.GetBytes("Action=DeleteUser")));

        Assert.Equal(SignatureFailure.SignatureMismatch, verdict.Failure);
    }

    [Fact]
    public void Verify_WrongSignature_RejectsAsMismatch()
    {
        var verdict = Verifier(ExampleTime).Verify(ExampleRequest(signature: new string('0', 64)));

        Assert.Equal(SignatureFailure.SignatureMismatch, verdict.Failure);
    }

    [Fact]
    public void Verify_OtherAccessKey_RejectsAsUnknownKey()
    {
        var verdict = Verifier(ExampleTime).Verify(ExampleRequest(accessKey: "AKIDOTHER"));

        Assert.Equal(SignatureFailure.UnknownAccessKey, verdict.Failure);
    }

    [Fact]
    public void Verify_SignedTwentyMinutesAgo_RejectsAsExpired()
    {
        var verdict = Verifier(ExampleTime.AddMinutes(20)).Verify(ExampleRequest());

        Assert.Equal(SignatureFailure.Expired, verdict.Failure);
    }

    [Fact]
    public void Verify_NoAuthorizationHeader_RejectsAsMissing()
    {
        var request = ExampleRequest();
        var headers = request.Headers.Where(h => h.Key != "Authorization").ToDictionary(StringComparer.OrdinalIgnoreCase);

        var verdict = Verifier(ExampleTime).Verify(request with { Headers = headers });

        Assert.Equal(SignatureFailure.MissingAuthentication, verdict.Failure);
    }

    [Fact]
    public void Verify_SignedHeaderMissingFromRequest_RejectsAsMismatch()
    {
        var request = ExampleRequest();
        var headers = request.Headers.Where(h => h.Key != "Content-Type").ToDictionary(StringComparer.OrdinalIgnoreCase);

        var verdict = Verifier(ExampleTime).Verify(request with { Headers = headers });

        Assert.Equal(SignatureFailure.SignatureMismatch, verdict.Failure);
    }

    [Theory]
    [InlineData("b=2&a=1", "a=1&b=2")]
    [InlineData("name=api.example.com.&type=A", "name=api.example.com.&type=A")]
    [InlineData("x=a%20b&x=a+b", "x=a%20b&x=a%2Bb")]
    [InlineData("empty=", "empty=")]
    public void CanonicalQuery_RawQuery_SortsAndEncodesPerRfc3986(string raw, string expected)
    {
        Assert.Equal(expected, SigV4Verifier.CanonicalQuery(raw));
    }

    [Fact]
    public void CanonicalUri_PercentEncodedPath_IsEncodedAgain()
    {
        Assert.Equal("/2013-04-01/hostedzone/Z1%252F/rrset", SigV4Verifier.CanonicalUri("/2013-04-01/hostedzone/Z1%2F/rrset"));
    }
}
