using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// AWS STS: GetCallerIdentity needs no permission; even an explicit deny of sts:GetCallerIdentity does not stop it.
/// </summary>
internal sealed class StsAuthorization : IServiceAuthorization
{
    public string SigningName => "sts";

    public IReadOnlyList<RequiredPermission> Permissions(AwsCall call, WorldState world) =>
        string.Equals(call.Operation, "GetCallerIdentity", StringComparison.Ordinal)
            ? []
            : [new RequiredPermission("sts:" + call.Operation, RequiredPermission.AnyResource)];
}
