using System.Net;
using Amazon;
using Amazon.Runtime.Signing;
using DrLambdas.Aws.CloudWatch;
using DrLambdas.Aws.Rds;
using DrLambdas.Aws.Route53;
using DrLambdas.Aws.Sns;
using DrLambdas.Aws.Ssm;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Aws.Sts;
using DrLambdas.Aws.Transport;
using DrLambdas.Errors;

namespace DrLambdas.Aws;

/// <summary>
/// Builds the AWS clients from one <see cref="AwsClientOptions"/>: one signed <see cref="HttpClient"/> pipeline per
/// service over a shared connection pool. Create once per process (Lambda init) and reuse; dispose at shutdown.
/// </summary>
public sealed class AwsClientFactory : IDisposable
{
    private readonly AwsClientOptions _options;
    private readonly HttpMessageHandler _transportHandler;
    private readonly bool _ownsTransportHandler;
    private readonly List<HttpClient> _httpClients = [];
    private readonly Lazy<IRdsClient> _rds;
    private readonly Lazy<IRoute53Client> _route53;
    private readonly Lazy<ISnsClient> _sns;
    private readonly Lazy<IStepFunctionsClient> _stepFunctions;
    private readonly Lazy<ICloudWatchClient> _cloudWatch;
    private readonly Lazy<ParameterStore> _parameterStore;
    private readonly Lazy<IStsClient> _sts;

    /// <summary>Creates the factory; no network or credential I/O happens until the first call.</summary>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    public AwsClientFactory(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { Credentials = options.Credentials ?? new DefaultChainCredentials() };
        _ownsTransportHandler = options.HttpMessageHandler is null;
        _transportHandler = options.HttpMessageHandler ?? CreateTransportHandler();
        _rds = new(() => new RdsClient(CreateTransport(AwsService.Rds, XmlErrorParser.Parse)));
        _route53 = new(() => new Route53Client(CreateTransport(AwsService.Route53, XmlErrorParser.Parse)));
        _sns = new(() => new SnsClient(CreateTransport(AwsService.Sns, XmlErrorParser.Parse)));
        _stepFunctions = new(() => new StepFunctionsClient(CreateTransport(AwsService.StepFunctions, JsonErrorParser.Parse)));
        _cloudWatch = new(() => new CloudWatchClient(CreateTransport(AwsService.CloudWatch, XmlErrorParser.Parse)));
        _parameterStore = new(() => ParameterStoreFactory.Create(_options, _options.Credentials!, options.HttpMessageHandler));
        _sts = new(() => new StsClient(CreateTransport(AwsService.Sts, XmlErrorParser.Parse)));
    }

    /// <summary>A factory configured from the standard AWS environment variables.</summary>
    /// <exception cref="ConfigurationException">A variable is missing or malformed.</exception>
    public static AwsClientFactory FromEnvironment() => new(AwsClientOptions.FromEnvironment());

    /// <summary>The options in effect.</summary>
    public AwsClientOptions Options => _options;

    /// <summary>Amazon RDS (Aurora global databases).</summary>
    public IRdsClient Rds => _rds.Value;

    /// <summary>Amazon Route 53.</summary>
    public IRoute53Client Route53 => _route53.Value;

    /// <summary>Amazon SNS.</summary>
    public ISnsClient Sns => _sns.Value;

    /// <summary>AWS Step Functions.</summary>
    public IStepFunctionsClient StepFunctions => _stepFunctions.Value;

    /// <summary>Amazon CloudWatch.</summary>
    public ICloudWatchClient CloudWatch => _cloudWatch.Value;

    /// <summary>SSM Parameter Store in the default Region.</summary>
    public IParameterStore ParameterStore => _parameterStore.Value;
    /// <summary>AWS STS (who is calling).</summary>
    public IStsClient Sts => _sts.Value;

    /// <summary>Releases the HTTP clients and, unless it was supplied by the caller, the connection pool.</summary>
    public void Dispose()
    {
        lock (_httpClients)
        {
            foreach (var client in _httpClients)
            {
                client.Dispose();
            }

            _httpClients.Clear();
        }

        if (_parameterStore.IsValueCreated)
        {
            _parameterStore.Value.Dispose();
        }

        if (_ownsTransportHandler)
        {
            _transportHandler.Dispose();
        }
    }

    private AwsServiceTransport CreateTransport(AwsService service, Func<string, AwsErrorDetails?> parseError)
    {
        var defaultRegion = new AwsEndpointResolver(_options).Resolve(service, null).SigningRegion;
        var signing = new SigV4SigningHandler(
            new AWSSigV4Parameters
            {
                Credentials = _options.Credentials!,
                Region = RegionEndpoint.GetBySystemName(defaultRegion),
                Service = service.SigningName,
            },
            _transportHandler);

        // The handler chain is not disposed with the client: the transport handler is shared by every service.
        var httpClient = new HttpClient(signing, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        lock (_httpClients)
        {
            _httpClients.Add(httpClient);
        }

        return new AwsServiceTransport(service, _options, httpClient, parseError);
    }

    private static SocketsHttpHandler CreateTransportHandler() => new()
    {
        // A redirect followed below the signing handler would be sent with a stale or stripped signature.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };
}
