using System.Globalization;
using System.Net.Http.Headers;

namespace DrLambdas.Runtime.RuntimeApi;

/// <summary>Reads an <see cref="InvocationRequest"/> from the <c>/next</c> response headers (names are case-insensitive).</summary>
internal static class InvocationHeaders
{
    public static InvocationRequest Parse(HttpResponseHeaders headers, byte[] payload)
    {
        var requestId = Single(headers, RuntimeApiHeaders.RequestId);
        if (string.IsNullOrWhiteSpace(requestId))
        {
            throw new RuntimeApiException($"The next invocation has no {RuntimeApiHeaders.RequestId} header.");
        }

        var deadlineText = Single(headers, RuntimeApiHeaders.DeadlineMs);
        if (!long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            throw new RuntimeApiException($"Invocation {requestId} has an invalid {RuntimeApiHeaders.DeadlineMs} header: '{deadlineText}'.");
        }

        return new InvocationRequest(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Single(headers, RuntimeApiHeaders.InvokedFunctionArn) ?? string.Empty,
            Single(headers, RuntimeApiHeaders.TraceId),
            Single(headers, RuntimeApiHeaders.ClientContext),
            Single(headers, RuntimeApiHeaders.CognitoIdentity),
            payload);
    }

    private static string? Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
