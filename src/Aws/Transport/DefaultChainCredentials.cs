using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace DrLambdas.Aws.Transport;

/// <summary>
/// Credentials resolved on first use through AWSSDK.Core's default chain (environment variables, profiles,
/// web identity, container and instance metadata), so building clients does no I/O.
/// </summary>
internal sealed class DefaultChainCredentials : AWSCredentials
{
    // Bounds a hung provider (e.g. unreachable instance metadata); in Lambda the environment provider answers at once.
    private static readonly TimeSpan ResolutionTimeout = TimeSpan.FromSeconds(15);
    private readonly Lazy<DefaultAWSCredentialsIdentityResolver> _resolver = new(() => new DefaultAWSCredentialsIdentityResolver());

    public override ImmutableCredentials GetCredentials()
    {
        using var timeout = new CancellationTokenSource(ResolutionTimeout);
        try
        {
            return _resolver.Value.ResolveIdentity(null, timeout.Token).GetCredentials();
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            throw TimedOut(exception);
        }
    }

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        using var timeout = new CancellationTokenSource(ResolutionTimeout);
        try
        {
            var credentials = await _resolver.Value.ResolveIdentityAsync(null, timeout.Token);
            return await credentials.GetCredentialsAsync();
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            throw TimedOut(exception);
        }
    }

    // AmazonClientException is what the transport reports as CredentialsUnavailable.
    private static AmazonClientException TimedOut(Exception cause) =>
        new($"No AWS credentials were resolved within {ResolutionTimeout.TotalSeconds} s.", cause);
}
