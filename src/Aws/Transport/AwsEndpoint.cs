namespace DrLambdas.Aws.Transport;

/// <summary>Where one call goes and which Region it is signed for.</summary>
/// <param name="BaseUri">Endpoint URL, possibly with a path prefix that every request path goes under.</param>
/// <param name="SigningRegion">The Region in the SigV4 credential scope.</param>
internal sealed record AwsEndpoint(Uri BaseUri, string SigningRegion)
{
    /// <summary>Builds the request URI for an operation path (starting with '/') and an optional encoded query.</summary>
    public Uri BuildUri(string path, string? query = null)
    {
        var builder = new UriBuilder(BaseUri)
        {
            Path = BaseUri.AbsolutePath.TrimEnd('/') + path,
            Query = query ?? string.Empty,
        };
        return builder.Uri;
    }
}
