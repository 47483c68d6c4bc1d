using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>Where the authorizer learns whether an SNS topic is encrypted, and with which KMS key.</summary>
internal interface ITopicKeyLookup
{
    /// <summary>The topic's KmsMasterKeyId attribute as set (key id, key ARN, alias name or alias ARN), or null.</summary>
    string? KmsMasterKeyId(WorldState world, string topicArn);

    /// <summary>The key ARN an alias names, when the lab knows the alias; null otherwise.</summary>
    string? ResolveAlias(WorldState world, string region, string aliasName);
}
