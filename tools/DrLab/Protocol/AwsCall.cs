namespace DrLambdas.DrLab.Protocol;

/// <summary>One authenticated AWS API call, parsed enough to dispatch.</summary>
internal sealed record AwsCall(
    string Service,
    string Region,
    AwsProtocol Protocol,
    string Operation,
    string RequestId,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Parameters,
    byte[] Body)
{
    /// <summary>The principal whose key signed the call (STS GetCallerIdentity answers with it).</summary>
    public Iam.IamPrincipal? Caller { get; init; }

    /// <summary>A query parameter (awsQuery form field or restXml query string), or null.</summary>
    public string? Param(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the lab answers to an AWS call.</summary>
internal sealed record AwsReply(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A short note for the request log (for example the failover target).</summary>
    public string? LogDetail { get; init; }

    /// <summary>The AWS error code when the reply is an error.</summary>
    public string? ErrorCode { get; init; }
}
