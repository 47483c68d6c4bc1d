using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Protocols;

/// <summary>The awsJson1_0 protocol: JSON POST to '/' with <c>X-Amz-Target: {prefix}.{Operation}</c>.</summary>
internal sealed class AwsJsonProtocol(AwsServiceTransport transport, string targetPrefix)
{
    public const string ContentType = "application/x-amz-json-1.0";

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var response = await transport.SendAsync(
            operation,
            region: null,
            endpoint =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, endpoint.BuildUri("/"))
                {
                    Content = new ByteArrayContent(body),
                };
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                message.Headers.TryAddWithoutValidation("X-Amz-Target", $"{targetPrefix}.{operation}");
                return message;
            },
            cancellationToken);

        try
        {
            var text = string.IsNullOrWhiteSpace(response.Body) ? "{}" : response.Body;
            return JsonSerializer.Deserialize(text, responseType) ?? throw new FormatException("the body is null");
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw transport.InvalidResponse(operation, response, exception);
        }
    }
}
