using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// The topic keys of the current world. The lab's built-in topics are created without KmsMasterKeyId and the lab
/// has no KMS aliases, so no topic is encrypted; this is the one place to read topic attributes once topics carry them.
/// </summary>
internal sealed class WorldTopicKeyLookup : ITopicKeyLookup
{
    public string? KmsMasterKeyId(WorldState world, string topicArn) => null;

    public string? ResolveAlias(WorldState world, string region, string aliasName) => null;
}
