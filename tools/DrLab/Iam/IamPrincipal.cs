namespace DrLambdas.DrLab.Iam;

/// <summary>
/// A deployed role as the lab knows it: its ARN, its identity-based policies and the one SigV4 key pair whose calls
/// act as this role (as a function's execution role credentials would).
/// </summary>
internal sealed record IamPrincipal(string RoleArn, IReadOnlyList<NamedPolicy> Policies, string AccessKeyId, string SecretAccessKey)
{
    /// <summary>The session name the lab's role sessions carry.</summary>
    public const string SessionName = "drlab";

    /// <summary>The role's name (the last path segment of the ARN).</summary>
    public string RoleName => RoleArn[(RoleArn.LastIndexOf('/') + 1)..];

    /// <summary>The account that owns the role.</summary>
    public string Account => RoleArn.Split(':')[4];

    /// <summary>The assumed-role session ARN, as AWS names the caller in AccessDenied messages.</summary>
    public string SessionArn => $"arn:aws:sts::{Account}:assumed-role/{RoleName}/{SessionName}";
}
