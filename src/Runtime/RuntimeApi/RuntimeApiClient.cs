using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace DrLambdas.Runtime.RuntimeApi;

/// <summary>
/// <see cref="IRuntimeApiClient"/> over HTTP. The client has no timeout: Lambda freezes the sandbox while
/// <c>/next</c> is pending, and a timeout would fail the first request after every thaw.
/// </summary>
public sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    private const string ApiVersion = "2018-06-01";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly MediaTypeHeaderValue ErrorContentType = new(RuntimeApiHeaders.ErrorContentType);

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;

    /// <summary>
    /// A client of the API at <paramref name="runtimeApiAddress"/> (<c>host:port</c>, the value of
    /// <c>AWS_LAMBDA_RUNTIME_API</c>).
    /// </summary>
    public RuntimeApiClient(string runtimeApiAddress)
        : this(CreateHttpClient(runtimeApiAddress), ownsHttpClient: true)
    {
    }

    /// <summary>A client over <paramref name="httpClient"/>, whose base address ends with <c>/2018-06-01/</c>.</summary>
    public RuntimeApiClient(HttpClient httpClient)
        : this(httpClient, ownsHttpClient: false)
    {
    }

    private RuntimeApiClient(HttpClient httpClient, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
    }

    /// <summary>The base address for a <c>host:port</c> Runtime API address.</summary>
    /// <exception cref="ArgumentException">The address is not <c>host:port</c>.</exception>
    public static Uri BaseAddressFor(string runtimeApiAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApiAddress);
        if (!Uri.TryCreate($"http://{runtimeApiAddress.Trim()}/{ApiVersion}/", UriKind.Absolute, out var uri)
            || uri.AbsolutePath != $"/{ApiVersion}/")
        {
            throw new ArgumentException($"The Runtime API address '{runtimeApiAddress}' is not host:port.", nameof(runtimeApiAddress));
        }

        return uri;
    }

    /// <inheritdoc/>
    public async Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "runtime/invocation/next", null, null, cancellationToken);
        await EnsureStatusAsync(response, HttpStatusCode.OK, "GET /runtime/invocation/next", cancellationToken);
        byte[] payload;
        try
        {
            payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new RuntimeApiException($"Reading the next invocation failed: {exception.Message}", exception);
        }

        return InvocationHeaders.Parse(response.Headers, payload);
    }

    /// <inheritdoc/>
    public async Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        var content = new ReadOnlyMemoryContent(response);
        content.Headers.ContentType = JsonContentType;
        var path = $"runtime/invocation/{Uri.EscapeDataString(requestId)}/response";
        using var answer = await SendAsync(HttpMethod.Post, path, content, null, cancellationToken);
        await EnsureStatusAsync(answer, HttpStatusCode.Accepted, $"POST /{path}", cancellationToken);
    }

    /// <inheritdoc/>
    public Task PostInvocationErrorAsync(string requestId, LambdaErrorReport error, CancellationToken cancellationToken) =>
        PostErrorAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellationToken);

    /// <inheritdoc/>
    public Task PostInitErrorAsync(LambdaErrorReport error, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", error, cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private static HttpClient CreateHttpClient(string runtimeApiAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddressFor(runtimeApiAddress),
            Timeout = Timeout.InfiniteTimeSpan,
        };

    private static async Task EnsureStatusAsync(HttpResponseMessage response, HttpStatusCode expected, string operation, CancellationToken cancellationToken)
    {
        if (response.StatusCode == expected)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new RuntimeApiException(
            string.Create(CultureInfo.InvariantCulture, $"{operation} answered {(int)response.StatusCode} {response.StatusCode}: {body}"),
            response.StatusCode);
    }

    private async Task PostErrorAsync(string path, LambdaErrorReport error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var content = new ByteArrayContent(ErrorReportSerializer.Serialize(error));
        content.Headers.ContentType = ErrorContentType;
        using var answer = await SendAsync(HttpMethod.Post, path, content, error.ErrorType, cancellationToken);
        await EnsureStatusAsync(answer, HttpStatusCode.Accepted, $"POST /{path}", cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        HttpContent? content,
        string? errorType,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        }

        try
        {
            return await _httpClient.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new RuntimeApiException($"{method} /{path} failed: {exception.Message}", exception);
        }
    }
}
