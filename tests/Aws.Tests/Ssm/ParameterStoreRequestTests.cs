using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;

namespace DrLambdas.Aws.Tests.Ssm;

/// <summary>What the SDK-backed parameter store sends, where, and how it reads AWS's errors.</summary>
public sealed class ParameterStoreRequestTests : IDisposable
{
    private readonly RecordingHandler _handler = new();
    private readonly AwsClientFactory _aws;

    public ParameterStoreRequestTests() =>
        _aws = new AwsClientFactory(AwsClientOptions.FromEnvironment(name => name switch
        {
            "AWS_REGION" => "ap-northeast-1",
            "AWS_ENDPOINT_URL" => "http://127.0.0.1:9/",
            "AWS_ENDPOINT_URL_SSM" => "http://127.0.0.1:4566/",
            "AWS_MAX_ATTEMPTS" => "2",
            _ => null,
        }) with { Credentials = new BasicAWSCredentials("AKID", "secret"), HttpMessageHandler = _handler });

    [Fact]
    public async Task GetAsync_ServiceEndpointVariable_SendsSignedAwsJson11ToIt()
    {
        _handler.Reply(HttpStatusCode.OK, """{"Parameter":{"Name":"/p","Type":"String","Value":"v","Version":1}}""");

        var value = await _aws.ParameterStore.GetAsync("/p", decrypt: true);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("v", value);
        Assert.Equal("http://127.0.0.1:4566/", request.Uri.AbsoluteUri);
        Assert.Equal("AmazonSSM.GetParameter", request.Target);
        Assert.Contains("/ap-northeast-1/ssm/aws4_request", request.Authorization, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(("/p", true), (body.RootElement.GetProperty("Name").GetString(), body.RootElement.GetProperty("WithDecryption").GetBoolean()));
    }

    [Fact]
    public async Task PutAsync_Secure_SendsSecureStringWithOverwrite()
    {
        _handler.Reply(HttpStatusCode.OK, """{"Version":2,"Tier":"Standard"}""");

        await _aws.ParameterStore.PutAsync("/a/b", "t", secure: true, overwrite: true);

        using var body = JsonDocument.Parse(Assert.Single(_handler.Requests).Body);
        Assert.Equal(("SecureString", true, "t"), (body.RootElement.GetProperty("Type").GetString(),
            body.RootElement.GetProperty("Overwrite").GetBoolean(), body.RootElement.GetProperty("Value").GetString()));
    }

    [Fact]
    public async Task GetAsync_AccessDenied_ThrowsNonRetryableWithTheCode()
    {
        _handler.Reply(HttpStatusCode.BadRequest, """{"__type":"AccessDeniedException","message":"User: x is not authorized to perform: ssm:GetParameter"}""");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.ParameterStore.GetAsync("/p", decrypt: false));

        Assert.Equal(("SSM", "GetParameter", "AccessDeniedException", false), (error.Service, error.Operation, error.ErrorCode, error.IsRetryable));
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task GetAsync_ServiceUnavailableTwice_ThrowsTransientAfterTwoAttempts()
    {
        _handler.Reply(HttpStatusCode.ServiceUnavailable, """{"__type":"ServiceUnavailable","message":"down"}""");
        _handler.Reply(HttpStatusCode.ServiceUnavailable, """{"__type":"ServiceUnavailable","message":"down"}""");

        var error = await Assert.ThrowsAsync<AwsTransientException>(() => _aws.ParameterStore.GetAsync("/p", decrypt: false));

        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.Equal(2, _handler.Requests.Count);
    }

    [Fact]
    public async Task DeleteAsync_ParameterNotFound_ReturnsFalse()
    {
        _handler.Reply(HttpStatusCode.BadRequest, """{"__type":"ParameterNotFound","message":""}""");

        var deleted = await _aws.ParameterStore.DeleteAsync("/p");

        Assert.False(deleted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    public async Task GetAsync_BadName_ThrowsArgumentExceptionWithoutSending(string name)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _aws.ParameterStore.GetAsync(name, decrypt: false));

        Assert.Empty(_handler.Requests);
    }

    public void Dispose()
    {
        _aws.Dispose();
        _handler.Dispose();
    }

    private sealed record Recorded(Uri Uri, string? Target, string Authorization, string Body);

    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly Queue<(HttpStatusCode Status, string Body)> _replies = new();

        public List<Recorded> Requests { get; } = [];

        public void Reply(HttpStatusCode status, string body) => _replies.Enqueue((status, body));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new Recorded(request.RequestUri!, request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.Single() : null,
                request.Headers.TryGetValues("Authorization", out var a) ? string.Join(",", a) : string.Empty, body));
            var (status, text) = _replies.Dequeue();
            return new HttpResponseMessage(status)
            {
                Content = new StringContent(text, Encoding.UTF8, "application/x-amz-json-1.1"),
                RequestMessage = request,
            };
        }
    }
}
