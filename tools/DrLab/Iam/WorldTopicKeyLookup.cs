using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// The topic keys of the current world: the <c>KmsMasterKeyId</c> a topic was created with (CreateTopic). The lab
/// models no KMS aliases, so an alias stays unresolved and is authorised against its alias ARN.
/// </summary>
internal sealed class WorldTopicKeyLookup : ITopicKeyLookup
{
    public string? KmsMasterKeyId(WorldState world, string topicArn) => world.TopicKmsKey(topicArn);

    public string? ResolveAlias(WorldState world, string region, string aliasName) => null;
}
