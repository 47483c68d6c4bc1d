namespace DrLambdas.Aws.Transport;

/// <summary>
/// Resolves a service's endpoint the way the AWS SDKs do: the service's own endpoint variable first, then the
/// global <c>AWS_ENDPOINT_URL</c>, then the public AWS endpoint of the Region's partition.
/// </summary>
internal sealed class AwsEndpointResolver(AwsClientOptions options)
{
    public AwsEndpoint Resolve(AwsService service, string? regionOverride)
    {
        var region = regionOverride is null ? options.Region : AwsRegionName.Require(regionOverride, nameof(regionOverride));
        var partition = AwsPartition.Of(region);
        var signingRegion = service.IsGlobal ? partition.GlobalSigningRegion : region;
        var configured = options.ServiceEndpointUrls.TryGetValue(service, out var serviceUrl) ? serviceUrl : options.EndpointUrl;
        if (configured is not null)
        {
            return new AwsEndpoint(configured, signingRegion);
        }

        var host = service.IsGlobal
            ? $"{service.EndpointPrefix}.{partition.GlobalEndpointLabel}{partition.DnsSuffix}"
            : $"{service.EndpointPrefix}.{region}.{partition.DnsSuffix}";
        return new AwsEndpoint(new Uri($"https://{host}/"), signingRegion);
    }
}
