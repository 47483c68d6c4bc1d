using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// AWS Systems Manager Parameter Store's actions and resources (parameters:
/// arn:aws:ssm:REGION:ACCOUNT:parameter/NAME, the name's leading slash dropped; GetParametersByPath is authorised on
/// the path's ARN). A SecureString under a customer managed key also needs, with the caller's permissions and
/// kms:ViaService ssm.REGION.amazonaws.com, kms:Encrypt on that key to write it and kms:Decrypt to read it decrypted.
/// Under the AWS managed key <c>alias/aws/ssm</c> (no KeyId) no identity-policy KMS permission is needed: that key's
/// own policy lets every principal of the account use it through Systems Manager, which the lab models by not asking.
/// </summary>
internal sealed class SsmAuthorization : IServiceAuthorization
{
    public const string DefaultKeyAlias = "alias/aws/ssm";

    public string SigningName => "ssm";

    public IReadOnlyList<RequiredPermission> Permissions(AwsCall call, WorldState world)
    {
        var action = "ssm:" + call.Operation;
        if (string.Equals(call.Operation, "GetParametersByPath", StringComparison.Ordinal))
        {
            var path = CallParameters.String(call, "Path");
            var permissions = new List<RequiredPermission>
            {
                new(action, path is null ? RequiredPermission.AnyResource : [SsmParameterNames.Arn(call.Region, path.Trim().TrimEnd('/'))]),
            };
            if (path is not null && path.Trim().StartsWith('/') && Decrypts(call))
            {
                var recursive = CallParameters.Bool(call, "Recursive") ?? false;
                var keys = world.Parameters.Under(call.Region, path.Trim().TrimEnd('/') + "/", recursive)
                    .Select(p => p.KeyId).OfType<string>().Distinct(StringComparer.Ordinal);
                permissions.AddRange(keys.SelectMany(k => Kms("kms:Decrypt", k, call)));
            }

            return permissions;
        }

        var requested = CallParameters.String(call, "Name");
        if (requested is null)
        {
            return [new RequiredPermission(action, RequiredPermission.AnyResource)];
        }

        var name = SsmParameterNames.FromRequest(requested, call);
        var selector = name.LastIndexOf(':');
        var bare = string.Equals(call.Operation, "GetParameter", StringComparison.Ordinal) && selector > 0 ? name[..selector] : name;
        var required = new List<RequiredPermission> { new(action, [SsmParameterNames.Arn(call.Region, bare)]) };
        switch (call.Operation)
        {
            case "PutParameter" when string.Equals(CallParameters.String(call, "Type"), "SecureString", StringComparison.Ordinal)
                && CallParameters.String(call, "KeyId") is { } keyId:
                required.AddRange(Kms("kms:Encrypt", keyId, call));
                break;
            case "GetParameter" when Decrypts(call) && world.Parameters.Find(call.Region, bare)?.KeyId is { } storedKey:
                required.AddRange(Kms("kms:Decrypt", storedKey, call));
                break;
        }

        return required;
    }

    private static bool Decrypts(AwsCall call) => CallParameters.Bool(call, "WithDecryption") ?? false;

    private static IEnumerable<RequiredPermission> Kms(string action, string keyId, AwsCall call)
    {
        if (IsDefaultKey(keyId))
        {
            yield break;
        }

        var context = AuthorizationRequest.NewContext();
        context["kms:ViaService"] = [$"ssm.{call.Region}.amazonaws.com"];
        yield return new RequiredPermission(action, [KeyArn(keyId, call.Region)], context, DenialKind.KmsAccessDenied);
    }

    private static bool IsDefaultKey(string keyId) =>
        string.Equals(keyId, DefaultKeyAlias, StringComparison.Ordinal) || keyId.EndsWith(":" + DefaultKeyAlias, StringComparison.Ordinal);

    /// <summary>A key ARN or alias ARN as is; a key id or alias name as its ARN in the call's Region (the lab models no KMS aliases).</summary>
    private static string KeyArn(string keyId, string region)
    {
        if (keyId.StartsWith("arn:", StringComparison.Ordinal))
        {
            return keyId;
        }

        var prefix = $"arn:{ArnBuilder.Partition}:kms:{region}:{WorldDefinition.AccountId}:";
        return keyId.StartsWith("alias/", StringComparison.Ordinal) ? prefix + keyId : prefix + "key/" + keyId;
    }
}
