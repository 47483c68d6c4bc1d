namespace DrLambdas.DrLab.Iam;

/// <summary>How a service reports a permission its caller lacks.</summary>
internal enum DenialKind
{
    /// <summary>The operation's own action: the service's AccessDenied error.</summary>
    AccessDenied,

    /// <summary>A KMS action SNS performs with the caller's permissions: SNS's KMSAccessDenied error.</summary>
    KmsAccessDenied,
}

/// <summary>
/// One IAM action a call needs, on every listed resource, with the condition keys the service adds to the request
/// context for it (global keys such as aws:RequestedRegion are added by the authorizer).
/// </summary>
internal sealed record RequiredPermission(
    string Action,
    IReadOnlyList<string> Resources,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Context = null,
    DenialKind Denial = DenialKind.AccessDenied)
{
    /// <summary>Actions without resource types are authorised on "*".</summary>
    public static IReadOnlyList<string> AnyResource { get; } = ["*"];
}
