using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// The Service Authorization Reference for one service the lab serves: which IAM actions, on which resource ARNs and
/// with which service condition keys, each operation needs.
/// </summary>
internal interface IServiceAuthorization
{
    /// <summary>The SigV4 signing name the mapping is for (rds, route53, monitoring, sns, states).</summary>
    string SigningName { get; }

    /// <summary>The permissions the call needs; the world is read-only here (for example a topic's KMS key).</summary>
    IReadOnlyList<RequiredPermission> Permissions(AwsCall call, WorldState world);
}
