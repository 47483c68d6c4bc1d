using Amazon;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Ssm;

/// <summary>Builds the SDK's SSM client from <see cref="AwsClientOptions"/>: Region, endpoint, attempts, timeout, transport.</summary>
internal static class ParameterStoreFactory
{
    public static ParameterStore Create(AwsClientOptions options, AWSCredentials credentials, HttpMessageHandler? handler)
    {
        var endpoint = new AwsEndpointResolver(options).Resolve(AwsService.Ssm, null);
        var configured = options.ServiceEndpointUrls.ContainsKey(AwsService.Ssm) || options.EndpointUrl is not null;
        var config = new AmazonSimpleSystemsManagementConfig
        {
            // The options already resolved the endpoint variables; the SDK must not read them a second time.
            IgnoreConfiguredEndpointUrls = true,
            MaxErrorRetry = options.MaxAttempts - 1,
            RetryMode = RequestRetryMode.Standard,
            Timeout = options.AttemptTimeout,
            AllowAutoRedirect = false,
        };
        if (configured)
        {
            config.ServiceURL = endpoint.BaseUri.ToString();
            config.AuthenticationRegion = endpoint.SigningRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(endpoint.SigningRegion);
        }

        if (handler is not null)
        {
            config.HttpClientFactory = new InjectedHttpClientFactory(handler);
        }

        return new ParameterStore(new AmazonSimpleSystemsManagementClient(credentials, config));
    }

    /// <summary>Sends through the caller's handler (tests); the handler stays the caller's to dispose.</summary>
    private sealed class InjectedHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}
