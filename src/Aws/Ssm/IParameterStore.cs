namespace DrLambdas.Aws.Ssm;

/// <summary>SSM Parameter Store: the few operations DrLambdas needs on single parameters.</summary>
public interface IParameterStore
{
    /// <summary>The parameter's value (decrypted when <paramref name="decrypt"/> and it is a SecureString), or null when it does not exist.</summary>
    Task<string?> GetAsync(string name, bool decrypt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a String (or SecureString with the account's default key <c>alias/aws/ssm</c>) parameter. Without
    /// <paramref name="overwrite"/> an existing parameter fails with <see cref="AwsServiceException"/> <c>ParameterAlreadyExists</c>.
    /// </summary>
    Task PutAsync(string name, string value, bool secure, bool overwrite, CancellationToken cancellationToken = default);

    /// <summary>Deletes the parameter; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
