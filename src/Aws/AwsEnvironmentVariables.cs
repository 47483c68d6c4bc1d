namespace DrLambdas.Aws;

/// <summary>The standard AWS SDK environment variables this project's clients honour.</summary>
public static class AwsEnvironmentVariables
{
    /// <summary>The default Region of every client.</summary>
    public const string Region = "AWS_REGION";

    /// <summary>The legacy Region variable, read when <see cref="Region"/> is unset.</summary>
    public const string DefaultRegion = "AWS_DEFAULT_REGION";

    /// <summary>One endpoint URL for every service (e.g. a local emulator).</summary>
    public const string EndpointUrl = "AWS_ENDPOINT_URL";

    /// <summary>When <c>true</c>, every configured endpoint URL is ignored and the AWS endpoints are used.</summary>
    public const string IgnoreConfiguredEndpointUrls = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>Total attempts per call, first try included (standard retry mode default: 3).</summary>
    public const string MaxAttempts = "AWS_MAX_ATTEMPTS";
}
