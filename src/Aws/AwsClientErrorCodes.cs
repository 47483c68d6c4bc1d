namespace DrLambdas.Aws;

/// <summary>Error codes for failures detected by the client rather than reported by the service.</summary>
public static class AwsClientErrorCodes
{
    /// <summary>The connection failed or broke before a complete response arrived.</summary>
    public const string NetworkError = "NetworkError";

    /// <summary>One attempt exceeded <see cref="AwsClientOptions.AttemptTimeout"/>.</summary>
    public const string AttemptTimeout = "AttemptTimeout";

    /// <summary>The response could not be parsed as the operation's documented shape.</summary>
    public const string InvalidResponse = "InvalidResponse";

    /// <summary>No credentials could be resolved to sign the request.</summary>
    public const string CredentialsUnavailable = "CredentialsUnavailable";
}
