namespace DrLambdas.Runtime.RuntimeApi;

/// <summary>The Lambda Runtime API 2018-06-01 as the invocation loop uses it.</summary>
public interface IRuntimeApiClient
{
    /// <summary>Waits (without a timeout: the sandbox freezes here) for the next invocation.</summary>
    /// <exception cref="RuntimeApiException">The API answered with an error status or a malformed invocation.</exception>
    Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken);

    /// <summary>Posts the handler's result for <paramref name="requestId"/>.</summary>
    /// <exception cref="RuntimeApiException">The API refused the response (e.g. 413 when it is too large).</exception>
    Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken);

    /// <summary>Reports that the invocation <paramref name="requestId"/> failed.</summary>
    Task PostInvocationErrorAsync(string requestId, LambdaErrorReport error, CancellationToken cancellationToken);

    /// <summary>Reports that initialization failed; the process must exit afterwards.</summary>
    Task PostInitErrorAsync(LambdaErrorReport error, CancellationToken cancellationToken);
}
