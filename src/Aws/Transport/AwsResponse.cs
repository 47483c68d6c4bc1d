using System.Net;

namespace DrLambdas.Aws.Transport;

/// <summary>A successful (2xx) response, read completely.</summary>
internal sealed record AwsResponse(HttpStatusCode StatusCode, string Body, string? RequestId);
