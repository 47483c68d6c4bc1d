namespace DrLambdas.Aws.Sts;

/// <summary>AWS STS: the one call that tells who is calling, needing no permission.</summary>
public interface IStsClient
{
    /// <summary>The identity of the credentials that sign this call.</summary>
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken = default);
}
