using System.Globalization;
using Amazon.Runtime;
using DrLambdas.Errors;

namespace DrLambdas.Aws;

/// <summary>
/// Settings shared by every client built by <see cref="AwsClientFactory"/>: Region, endpoint overrides,
/// the retry budget and the seams tests use (HTTP handler, clock, credentials).
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>Standard retry mode's default number of attempts.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>The default Region, e.g. <c>ap-northeast-1</c>; RDS and CloudWatch calls may override it per call.</summary>
    public required string Region { get; init; }

    /// <summary>Endpoint used by every service that has no entry in <see cref="ServiceEndpointUrls"/> (<c>AWS_ENDPOINT_URL</c>).</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>Per-service endpoints (<c>AWS_ENDPOINT_URL_RDS</c>, <c>..._ROUTE_53</c>, <c>..._SNS</c>, <c>..._SFN</c>, <c>..._CLOUDWATCH</c>).</summary>
    public IReadOnlyDictionary<AwsService, Uri> ServiceEndpointUrls { get; init; } = new Dictionary<AwsService, Uri>();

    /// <summary>Total attempts per call including the first (<c>AWS_MAX_ATTEMPTS</c>); 1 disables retries.</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>Upper bound for one attempt (connect, send, read the response); the caller's token bounds the whole call.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Backoff base for 5xx, timeouts and network errors: attempt n waits a random time in [0, base × 2^(n-1)].</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Backoff base for throttling errors, larger so a throttled API gets room to recover.</summary>
    public TimeSpan ThrottlingBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap of a single backoff delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Credentials to sign with; null resolves them lazily through AWSSDK.Core's default credential chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>The transport under the signing handler; null creates one owned by the factory. Must not follow redirects.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>Clock for backoff delays and attempt timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Source of jitter in [0, 1); replaced by tests to make delays predictable.</summary>
    internal Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>
    /// Reads <c>AWS_REGION</c> (or <c>AWS_DEFAULT_REGION</c>), <c>AWS_ENDPOINT_URL</c>, <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>,
    /// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> and <c>AWS_MAX_ATTEMPTS</c>.
    /// </summary>
    /// <param name="getVariable">Variable lookup; defaults to the process environment.</param>
    /// <exception cref="ConfigurationException">Any variable is missing or malformed; all problems are listed.</exception>
    public static AwsClientOptions FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var problems = new List<string>();

        var region = NonEmpty(getVariable(AwsEnvironmentVariables.Region)) ?? NonEmpty(getVariable(AwsEnvironmentVariables.DefaultRegion));
        if (region is null)
        {
            problems.Add($"{AwsEnvironmentVariables.Region} is not set.");
        }
        else if (!AwsRegionName.IsValid(region))
        {
            problems.Add($"{AwsEnvironmentVariables.Region} '{region}' is not a Region name such as ap-northeast-1.");
        }

        var ignoreEndpoints = string.Equals(
            NonEmpty(getVariable(AwsEnvironmentVariables.IgnoreConfiguredEndpointUrls)), "true", StringComparison.OrdinalIgnoreCase);
        Uri? endpointUrl = null;
        var serviceEndpoints = new Dictionary<AwsService, Uri>();
        if (!ignoreEndpoints)
        {
            endpointUrl = ReadEndpoint(getVariable, AwsEnvironmentVariables.EndpointUrl, problems);
            foreach (var service in AwsService.All)
            {
                if (ReadEndpoint(getVariable, service.EndpointVariable, problems) is { } url)
                {
                    serviceEndpoints[service] = url;
                }
            }
        }

        var maxAttempts = DefaultMaxAttempts;
        if (NonEmpty(getVariable(AwsEnvironmentVariables.MaxAttempts)) is { } attemptsText
            && (!int.TryParse(attemptsText, NumberStyles.None, CultureInfo.InvariantCulture, out maxAttempts) || maxAttempts < 1))
        {
            problems.Add($"{AwsEnvironmentVariables.MaxAttempts} '{attemptsText}' is not a whole number of at least 1.");
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        return new AwsClientOptions
        {
            Region = region!,
            EndpointUrl = endpointUrl,
            ServiceEndpointUrls = serviceEndpoints,
            MaxAttempts = maxAttempts,
        };
    }

    /// <summary>Checks the settings a caller may have built by hand.</summary>
    /// <exception cref="ConfigurationException">Any setting is out of range; all problems are listed.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!AwsRegionName.IsValid(Region))
        {
            problems.Add($"Region '{Region}' is not a Region name such as ap-northeast-1.");
        }

        if (EndpointUrl is not null && !IsHttpUrl(EndpointUrl))
        {
            problems.Add($"{AwsEnvironmentVariables.EndpointUrl} '{EndpointUrl}' is not an absolute http(s) URL.");
        }

        foreach (var (service, url) in ServiceEndpointUrls)
        {
            if (!IsHttpUrl(url))
            {
                problems.Add($"{service.EndpointVariable} '{url}' is not an absolute http(s) URL.");
            }
        }

        if (MaxAttempts < 1)
        {
            problems.Add($"MaxAttempts {MaxAttempts} is below 1.");
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add($"AttemptTimeout {AttemptTimeout} is not positive.");
        }

        if (BaseDelay < TimeSpan.Zero || ThrottlingBaseDelay < TimeSpan.Zero || MaxBackoff < TimeSpan.Zero)
        {
            problems.Add("Backoff delays must not be negative.");
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }
    }

    private static Uri? ReadEndpoint(Func<string, string?> getVariable, string name, List<string> problems)
    {
        if (NonEmpty(getVariable(name)) is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && IsHttpUrl(url))
        {
            return url;
        }

        problems.Add($"{name} '{text}' is not an absolute http(s) URL.");
        return null;
    }

    private static bool IsHttpUrl(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(url.Query);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
