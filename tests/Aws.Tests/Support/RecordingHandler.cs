using System.Net;
using System.Text;

namespace DrLambdas.Aws.Tests.Support;

/// <summary>A captured request: everything the tests assert on, read before the message is disposed.</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset At)
{
    public string Header(string name) =>
        Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"header {name} not sent");

    /// <summary>The form body (awsQuery) decoded into an ordered list of pairs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormPairs() =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1])))
            .ToList();

    public IReadOnlyDictionary<string, string> Form() => FormPairs().ToDictionary(p => p.Key, p => p.Value);
}

/// <summary>An HTTP handler that records requests (stamped with <paramref name="time"/>) and answers from a queue of canned responses.</summary>
public sealed class RecordingHandler(TimeProvider? time = null) : HttpMessageHandler
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingHandler Respond(HttpStatusCode status, string body, string contentType = "text/xml", params (string Name, string Value)[] headers)
    {
        _responses.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        });
        return this;
    }

    public RecordingHandler RespondXml(string body) => Respond(HttpStatusCode.OK, body);

    public RecordingHandler RespondJson(string body) => Respond(HttpStatusCode.OK, body, "application/x-amz-json-1.0");

    public RecordingHandler Throw(Exception exception)
    {
        _responses.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers: the attempt can only end by cancellation.</summary>
    public RecordingHandler Hang()
    {
        _responses.Enqueue(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    /// <summary>Never answers and ignores cancellation, like a lower layer that does not observe the token.</summary>
    public RecordingHandler HangIgnoringCancellation()
    {
        _responses.Enqueue((_, _) => new TaskCompletionSource<HttpResponseMessage>().Task);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers
            .Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers, body, _time.GetUtcNow()));
        if (_responses.Count == 0)
        {
            throw new InvalidOperationException($"no canned response left for {request.Method} {request.RequestUri}");
        }

        return await _responses.Dequeue()(request, cancellationToken);
    }
}
