using System.Net;
using DrLambdas.Aws.Sns;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.Transport;

public sealed class RetryTests : IDisposable
{
    private const string TopicArn = "arn:aws:sns:ap-northeast-1:111122223333:dr-notices";
    private static readonly SnsPublishRequest Publish = new(TopicArn, "hello");
    private static readonly string Throttled = TestAws.Fixture("rds-error-throttling.xml");
    private readonly TestAws _aws = new();

    [Fact]
    public async Task Send_ServiceUnavailableThenSuccess_RetriesAndReturnsResult()
    {
        _aws.Handler.Respond(HttpStatusCode.ServiceUnavailable, "<html>busy</html>", "text/html")
            .RespondXml(TestAws.Fixture("sns-publish.xml"));

        var messageId = await _aws.RunWithClockAsync(() => _aws.Factory.Sns.PublishAsync(Publish), TimeSpan.FromMilliseconds(50));

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", messageId);
        Assert.Equal(2, _aws.Handler.Requests.Count);
        Assert.All(_aws.Handler.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 ", r.Header("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_ThrottledOnEveryAttempt_ThrowsTransientAfterMaxAttempts()
    {
        _aws.Handler.Respond(HttpStatusCode.BadRequest, Throttled).Respond(HttpStatusCode.BadRequest, Throttled).Respond(HttpStatusCode.BadRequest, Throttled);

        var error = await Assert.ThrowsAsync<AwsTransientException>(
            () => _aws.RunWithClockAsync(() => _aws.Factory.Sns.PublishAsync(Publish), TimeSpan.FromMilliseconds(100)));

        Assert.Equal(3, _aws.Handler.Requests.Count);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(("Throttling", HttpStatusCode.BadRequest, true), (error.ErrorCode, error.StatusCode, error.IsRetryable));
        Assert.Equal("11111111-2222-4333-8444-555555555555", error.RequestId);
    }

    [Fact]
    public async Task Send_ClientError_IsNotRetried()
    {
        _aws.Handler.Respond(HttpStatusCode.NotFound, TestAws.Fixture("sns-error-not-found.xml"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Factory.Sns.PublishAsync(Publish));

        Assert.IsNotType<AwsTransientException>(error);
        Assert.Equal(1, error.Attempts);
        Assert.Single(_aws.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "", 100)]
    [InlineData(HttpStatusCode.BadRequest, "throttled", 500)]
    public async Task Send_RetryableError_WaitsTheBaseDelayOfItsKindBeforeTheSecondAttempt(HttpStatusCode status, string body, int expectedMs)
    {
        _aws.Handler.Respond(status, body == "throttled" ? Throttled : body).RespondXml(TestAws.Fixture("sns-publish.xml"));

        await _aws.RunWithClockAsync(() => _aws.Factory.Sns.PublishAsync(Publish), TimeSpan.FromMilliseconds(10));

        // The clock only moves in 10 ms steps driven by the test, so the gap is the backoff plus at most a few steps.
        var gap = _aws.Handler.Requests[1].At - _aws.Handler.Requests[0].At;
        Assert.InRange(gap, TimeSpan.FromMilliseconds(expectedMs), TimeSpan.FromMilliseconds(expectedMs + 300));
    }

    [Fact]
    public async Task Send_NetworkErrorOnEveryAttempt_ThrowsTransientNetworkErrorWithoutStatus()
    {
        _aws.Handler.Throw(new HttpRequestException("connection refused")).Throw(new HttpRequestException("connection refused"))
            .Throw(new HttpRequestException("connection refused"));

        var error = await Assert.ThrowsAsync<AwsTransientException>(
            () => _aws.RunWithClockAsync(() => _aws.Factory.Sns.PublishAsync(Publish), TimeSpan.FromMilliseconds(50)));

        Assert.Equal((AwsClientErrorCodes.NetworkError, (HttpStatusCode?)null), (error.ErrorCode, error.StatusCode));
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(3, _aws.Handler.Requests.Count);
    }

    [Fact]
    public async Task Send_ResponseSlowerThanAttemptTimeout_ThrowsTransientAttemptTimeout()
    {
        using var aws = new TestAws(o => o with { MaxAttempts = 1, AttemptTimeout = TimeSpan.FromSeconds(2) });
        aws.Handler.Hang();

        var call = aws.Factory.Sns.PublishAsync(Publish);
        Assert.True(await Eventually.HoldsAsync(() => aws.Handler.Requests.Count == 1));
        aws.Time.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<AwsTransientException>(() => call);
        Assert.Equal(AwsClientErrorCodes.AttemptTimeout, error.ErrorCode);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task Send_AttemptTimesOutThenSucceeds_ReturnsResultOfRetry()
    {
        using var aws = new TestAws(o => o with { AttemptTimeout = TimeSpan.FromSeconds(2) });
        aws.Handler.Hang().RespondXml(TestAws.Fixture("sns-publish.xml"));

        var messageId = await aws.RunWithClockAsync(() => aws.Factory.Sns.PublishAsync(Publish), TimeSpan.FromMilliseconds(250));

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", messageId);
        Assert.Equal(2, aws.Handler.Requests.Count);
    }

    [Fact]
    public async Task Send_CallerCancels_ThrowsOperationCanceledWithoutRetrying()
    {
        _aws.Handler.Hang();
        using var deadline = new CancellationTokenSource();

        var call = _aws.Factory.Sns.PublishAsync(Publish, deadline.Token);
        Assert.True(await Eventually.HoldsAsync(() => _aws.Handler.Requests.Count == 1));
        await deadline.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(_aws.Handler.Requests);
    }

    [Fact]
    public async Task Send_CallerCancelsDuringBackoff_StopsWithoutFurtherAttempts()
    {
        _aws.Handler.Respond(HttpStatusCode.ServiceUnavailable, string.Empty).RespondXml(TestAws.Fixture("sns-publish.xml"));
        using var deadline = new CancellationTokenSource();

        var call = _aws.Factory.Sns.PublishAsync(Publish, deadline.Token);
        Assert.True(await Eventually.HoldsAsync(() => _aws.Handler.Requests.Count == 1));
        await deadline.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(_aws.Handler.Requests);
    }

    [Fact]
    public async Task Send_MaxAttemptsOne_DoesNotRetryServerErrors()
    {
        using var aws = new TestAws(o => o with { MaxAttempts = 1 });
        aws.Handler.Respond(HttpStatusCode.BadGateway, "bad gateway", "text/plain");

        var error = await Assert.ThrowsAsync<AwsTransientException>(() => aws.Factory.Sns.PublishAsync(Publish));

        Assert.Equal(("BadGateway", HttpStatusCode.BadGateway, 1), (error.ErrorCode, error.StatusCode, error.Attempts));
        Assert.Contains("bad gateway", error.ErrorMessage, StringComparison.Ordinal);
    }

    public void Dispose() => _aws.Dispose();
}
