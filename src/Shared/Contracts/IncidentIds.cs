namespace DrLambdas.Shared.Contracts;

/// <summary>How incident ids are formed: <c>dr-&lt;execution name&gt;</c>.</summary>
public static class IncidentIds
{
    /// <summary>The prefix of every incident id.</summary>
    public const string Prefix = "dr-";

    /// <summary>The incident id of the execution named <paramref name="executionName"/>.</summary>
    public static string ForExecution(string executionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionName);
        return Prefix + executionName;
    }
}
