using Amazon.Runtime;
using DrLambdas.Aws.Sns;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.Transport;

public sealed class CredentialAndCancellationTests
{
    private static readonly SnsPublishRequest Publish = new("arn:aws:sns:ap-northeast-1:111122223333:dr-notices", "hello");

    [Fact]
    public async Task Send_CredentialsCannotBeResolved_ThrowsNonRetryableCredentialsUnavailable()
    {
        using var aws = new TestAws(o => o with { Credentials = new UnresolvableCredentials() });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Factory.Sns.PublishAsync(Publish));

        Assert.Equal((AwsClientErrorCodes.CredentialsUnavailable, false, 1), (error.ErrorCode, error.IsRetryable, error.Attempts));
        Assert.Contains("no credentials here", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(aws.Handler.Requests);
    }

    [Fact]
    public async Task Send_LowerLayerIgnoresCancellation_CallerCancellationStillEndsTheCall()
    {
        using var aws = new TestAws();
        aws.Handler.HangIgnoringCancellation();
        using var deadline = new CancellationTokenSource();

        var call = aws.Factory.Sns.PublishAsync(Publish, deadline.Token);
        Assert.True(await Eventually.HoldsAsync(() => aws.Handler.Requests.Count == 1));
        await deadline.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private sealed class UnresolvableCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw new AmazonClientException("no credentials here");

        public override Task<ImmutableCredentials> GetCredentialsAsync() => throw new AmazonClientException("no credentials here");
    }
}
