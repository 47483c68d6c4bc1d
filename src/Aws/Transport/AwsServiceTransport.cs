using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Polly;

namespace DrLambdas.Aws.Transport;

/// <summary>
/// Sends one service's requests: resolves the endpoint and signing Region, runs each attempt under the attempt
/// timeout, turns error responses into <see cref="AwsServiceException"/> and retries the transient ones.
/// The <see cref="HttpClient"/> signs through AWSSDK.Core's <see cref="SigV4SigningHandler"/>, below the retries,
/// so every attempt is signed afresh.
/// </summary>
internal sealed class AwsServiceTransport
{
    private static readonly HttpRequestOptionsKey<string> SigningRegionKey = new(SigV4SigningHandler.RegionOptionKey);

    private readonly HttpClient _httpClient;
    private readonly AwsEndpointResolver _endpoints;
    private readonly ResiliencePipeline _retry;
    private readonly Func<string, AwsErrorDetails?> _parseError;
    private readonly AwsClientOptions _options;

    public AwsServiceTransport(
        AwsService service,
        AwsClientOptions options,
        HttpClient httpClient,
        Func<string, AwsErrorDetails?> parseError)
    {
        Service = service;
        _options = options;
        _httpClient = httpClient;
        _parseError = parseError;
        _endpoints = new AwsEndpointResolver(options);
        _retry = AwsRetryPipeline.Create(options);
    }

    public AwsService Service { get; }

    /// <summary>
    /// Sends the request built by <paramref name="createRequest"/> (called once per attempt) and returns the 2xx response.
    /// </summary>
    /// <exception cref="AwsTransientException">A retryable failure persisted through every attempt.</exception>
    /// <exception cref="AwsServiceException">The service rejected the call.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<AwsResponse> SendAsync(
        string operation,
        string? region,
        Func<AwsEndpoint, HttpRequestMessage> createRequest,
        CancellationToken cancellationToken)
    {
        var endpoint = _endpoints.Resolve(Service, region);
        var attempts = 0;
        try
        {
            return await _retry.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await SendOnceAsync(operation, endpoint, createRequest, token);
                },
                cancellationToken);
        }
        catch (AwsServiceException error)
        {
            error.Attempts = attempts;
            throw;
        }
    }

    private async ValueTask<AwsResponse> SendOnceAsync(
        string operation, AwsEndpoint endpoint, Func<AwsEndpoint, HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var attemptTimeout = new CancellationTokenSource(_options.AttemptTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            using var request = createRequest(endpoint);
            request.Options.Set(SigningRegionKey, endpoint.SigningRegion);
            // WaitAsync bounds the attempt even where a lower layer (credential resolution in the signer) ignores the token.
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .WaitAsync(linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            var requestId = HeaderRequestId(response);
            if (response.IsSuccessStatusCode)
            {
                return new AwsResponse(response.StatusCode, body, requestId);
            }

            throw CreateServiceError(operation, response.StatusCode, body, requestId);
        }
        catch (OperationCanceledException exception) when (attemptTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AwsTransientException(
                Service.DisplayName, operation, AwsClientErrorCodes.AttemptTimeout,
                $"no complete response within {_options.AttemptTimeout.TotalSeconds:0.###} s", null, null, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new AwsTransientException(
                Service.DisplayName, operation, AwsClientErrorCodes.NetworkError, exception.Message, null, null, exception);
        }
        catch (IOException exception)
        {
            throw new AwsTransientException(
                Service.DisplayName, operation, AwsClientErrorCodes.NetworkError, exception.Message, null, null, exception);
        }
        catch (AmazonClientException exception)
        {
            throw new AwsServiceException(
                Service.DisplayName, operation, AwsClientErrorCodes.CredentialsUnavailable, exception.Message, null, null,
                isRetryable: false, exception);
        }
    }

    private AwsServiceException CreateServiceError(string operation, HttpStatusCode status, string body, string? headerRequestId)
    {
        var details = _parseError(body);
        var code = details?.Code ?? status.ToString();
        var message = details?.Message is { Length: > 0 } text ? text : $"HTTP {(int)status} {Truncate(body)}".TrimEnd();
        var requestId = details?.RequestId ?? headerRequestId;
        return AwsErrorClassifier.IsRetryable(code, status)
            ? new AwsTransientException(Service.DisplayName, operation, code, message, requestId, status)
            : new AwsServiceException(Service.DisplayName, operation, code, message, requestId, status, isRetryable: false);
    }

    /// <summary>The error for a 2xx body that does not have the documented shape.</summary>
    public AwsServiceException InvalidResponse(string operation, AwsResponse response, Exception cause) =>
        new(Service.DisplayName, operation, AwsClientErrorCodes.InvalidResponse,
            $"unexpected response body: {cause.Message}", response.RequestId, response.StatusCode, isRetryable: false, cause);

    private static string? HeaderRequestId(HttpResponseMessage response)
    {
        foreach (var name in (string[])["x-amzn-RequestId", "x-amz-request-id"])
        {
            if (response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }

    private static string Truncate(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
