namespace DrLambdas.DrLab.World;

/// <summary>An SNS topic created by CreateTopic, with the attributes it was created with.</summary>
internal sealed record SnsTopic(string Arn, string Name, string Region, IReadOnlyDictionary<string, string> Attributes, DateTimeOffset CreatedAt)
{
    /// <summary>The topic's KmsMasterKeyId attribute as given (key id, key ARN, alias name or alias ARN), or null.</summary>
    public string? KmsMasterKeyId => Attributes.GetValueOrDefault("KmsMasterKeyId");
}
