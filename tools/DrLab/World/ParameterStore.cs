namespace DrLambdas.DrLab.World;

/// <summary>One version of an SSM parameter as Parameter Store keeps it (the lab keeps only the latest version).</summary>
/// <param name="Name">The fully qualified name as created (a hierarchy starts with '/').</param>
/// <param name="Type">String, StringList or SecureString.</param>
/// <param name="Value">The plaintext value; SecureString values leave the lab encrypted unless decrypted.</param>
/// <param name="Version">1 on creation, +1 on every overwrite.</param>
/// <param name="LastModified">When this version was written.</param>
/// <param name="KeyId">The KMS key of a SecureString as given (null: the AWS managed key alias/aws/ssm).</param>
internal sealed record StoredParameter(string Name, string Type, string Value, long Version, DateTimeOffset LastModified, string? KeyId);

/// <summary>SSM Parameter Store's parameters, per Region (Parameter Store is a regional service).</summary>
internal sealed class ParameterStore
{
    private readonly Dictionary<(string Region, string Name), StoredParameter> _parameters = [];

    public StoredParameter? Find(string region, string name) => _parameters.GetValueOrDefault((region, name));

    public void Put(string region, StoredParameter parameter) => _parameters[(region, parameter.Name)] = parameter;

    public bool Delete(string region, string name) => _parameters.Remove((region, name));

    /// <summary>The Region's parameters under <paramref name="path"/> ("/a/b/"), directly below it or at any depth, by name.</summary>
    public IReadOnlyList<StoredParameter> Under(string region, string path, bool recursive) =>
        _parameters
            .Where(p => string.Equals(p.Key.Region, region, StringComparison.Ordinal)
                && p.Key.Name.StartsWith(path, StringComparison.Ordinal)
                && (recursive || !p.Key.Name.AsSpan(path.Length).Contains('/')))
            .Select(p => p.Value)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
}
