namespace DrLambdas.Errors;

/// <summary>
/// Invalid configuration. Carries every problem found, so one failed init shows the operator all of
/// them instead of one per deployment.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the error from the full list of problems, one per offending variable.</summary>
    public ConfigurationException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the error for a single problem.</summary>
    public ConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the error for a single problem, keeping its cause.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(Describe([message]), innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates an error without details; prefer the constructor taking the problems.</summary>
    public ConfigurationException()
        : this("the configuration is invalid")
    {
    }

    /// <summary>Every problem found, each naming its environment variable.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"Invalid configuration ({count}):{Environment.NewLine}- "
            + string.Join(Environment.NewLine + "- ", problems);
    }
}
