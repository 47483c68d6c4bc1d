using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// Amazon SNS's actions and resources (topics: arn:aws:sns:REGION:ACCOUNT:NAME). Publishing to a topic encrypted
/// with a KMS key also needs kms:GenerateDataKey and kms:Decrypt on that key, which SNS uses with the caller's
/// permissions (kms:ViaService sns.REGION.amazonaws.com).
/// </summary>
internal sealed class SnsAuthorization(ITopicKeyLookup keys) : IServiceAuthorization
{
    private static readonly string[] KmsActions = ["kms:GenerateDataKey", "kms:Decrypt"];

    public string SigningName => "sns";

    public IReadOnlyList<RequiredPermission> Permissions(AwsCall call, WorldState world)
    {
        var action = "sns:" + call.Operation;
        switch (call.Operation)
        {
            case "Publish":
                var topicArn = call.Param("TopicArn") ?? call.Param("TargetArn");
                if (topicArn is null)
                {
                    return [new RequiredPermission(action, RequiredPermission.AnyResource)];
                }

                var required = new List<RequiredPermission> { new(action, [topicArn]) };
                if (keys.KmsMasterKeyId(world, topicArn) is { } keyId)
                {
                    var region = topicArn.Split(':') is { Length: >= 4 } parts ? parts[3] : call.Region;
                    var context = AuthorizationRequest.NewContext();
                    context["kms:ViaService"] = [$"sns.{region}.amazonaws.com"];
                    context["aws:RequestedRegion"] = [region];
                    var keyArn = KeyArn(keyId, region, world);
                    required.AddRange(KmsActions.Select(a => new RequiredPermission(a, [keyArn], context, DenialKind.KmsAccessDenied)));
                }

                return required;
            case "CreateTopic":
                return [new RequiredPermission(action, ArnBuilder.Named(call.Param("Name"), n => ArnBuilder.Regional("sns", call, n)))];
            default:
                return [new RequiredPermission(action, call.Param("TopicArn") is { } arn ? [arn] : RequiredPermission.AnyResource)];
        }
    }

    /// <summary>
    /// The key ARN of a KmsMasterKeyId: a key ARN as is, a key id in the topic's Region, an alias resolved when the
    /// lab knows it (else its alias ARN, which no key policy statement on key/… matches).
    /// </summary>
    private string KeyArn(string keyId, string region, WorldState world)
    {
        if (keyId.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = keyId.Split(':', 6);
            return parts.Length == 6 && parts[5].StartsWith("alias/", StringComparison.Ordinal)
                ? keys.ResolveAlias(world, parts[3], parts[5]) ?? keyId
                : keyId;
        }

        var prefix = $"arn:{ArnBuilder.Partition}:kms:{region}:{WorldDefinition.AccountId}:";
        return keyId.StartsWith("alias/", StringComparison.Ordinal)
            ? keys.ResolveAlias(world, region, keyId) ?? prefix + keyId
            : prefix + "key/" + keyId;
    }
}
