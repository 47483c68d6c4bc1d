namespace DrLambdas.Drctl.Services;

/// <summary>SSM Parameter Store as INTERFACES.md fixes it (helper G's interface, until its commit is merged).</summary>
internal interface IParameterStore
{
    /// <summary>The parameter's value, decrypted when asked; null when it does not exist.</summary>
    Task<string?> GetAsync(string name, bool decrypt, CancellationToken cancellationToken = default);

    /// <summary>Writes the parameter (a SecureString when <paramref name="secure"/>).</summary>
    Task PutAsync(string name, string value, bool secure, bool overwrite, CancellationToken cancellationToken = default);

    /// <summary>Deletes the parameter; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
