namespace DrLambdas.Aws.Ssm;

/// <summary>Client-side checks of a parameter name before anything is sent.</summary>
internal static class ParameterNames
{
    /// <summary>Parameter Store's limit on a name, ARN prefix excluded.</summary>
    public const int MaxLength = 1011;

    /// <exception cref="ArgumentException">The name is empty, too long, or has a slash without being fully qualified.</exception>
    public static void Require(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxLength)
        {
            throw new ArgumentException($"A parameter name has at most {MaxLength} characters; this one has {name.Length}.", nameof(name));
        }

        if (name.Contains('/', StringComparison.Ordinal) && !name.StartsWith('/'))
        {
            throw new ArgumentException($"The parameter name '{name}' has a hierarchy but does not start with '/'.", nameof(name));
        }
    }
}
