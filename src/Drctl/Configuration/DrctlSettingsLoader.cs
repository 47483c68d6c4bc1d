using System.Text.Json;
using DrLambdas.Aws;
using DrLambdas.Errors;
using DrLambdas.Shared.Configuration;

namespace DrLambdas.Drctl.Configuration;

/// <summary>
/// Reads <see cref="DrctlSettings"/> from the environment, or from a JSON file of the same names
/// (<c>{"DR_PRIMARY_REGION": "ap-east-2", ...}</c>) whose values win over the environment's.
/// </summary>
internal static class DrctlSettingsLoader
{
    /// <exception cref="DrctlException">A variable is missing or invalid, or the file is unreadable (exit code 4).</exception>
    public static DrctlSettings Load(Func<string, string?> environment, string? configFile)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var file = configFile is null ? null : ReadFile(configFile);
        string? Lookup(string name) => file is not null && file.TryGetValue(name, out var value) ? value : environment(name);

        var problems = new List<string>();
        DrConfiguration? dr = null;
        AwsClientOptions? aws = null;
        try
        {
            dr = DrConfiguration.Load(Lookup);
        }
        catch (ConfigurationException exception)
        {
            problems.AddRange(exception.Problems);
        }

        try
        {
            aws = AwsClientOptions.FromEnvironment(Lookup);
        }
        catch (ConfigurationException exception)
        {
            problems.AddRange(exception.Problems);
        }

        var failover = StateMachine(Lookup, EnvironmentVariables.FailoverStateMachineArn, problems)
            ?? StateMachine(Lookup, EnvironmentVariables.StateMachineArn, problems);
        if (failover is null)
        {
            problems.Add($"{EnvironmentVariables.FailoverStateMachineArn} (or {EnvironmentVariables.StateMachineArn}) is not set.");
        }

        var failback = StateMachine(Lookup, EnvironmentVariables.FailbackStateMachineArn, problems);
        if (problems.Count > 0 || dr is null || aws is null || failover is null)
        {
            var distinct = problems.Distinct(StringComparer.Ordinal).ToList();
            throw new DrctlException("configuration: " + string.Join(" ", distinct), ExitCodes.ConfigurationError);
        }

        return new DrctlSettings(
            dr,
            aws,
            failover,
            failback,
            ParameterName(Lookup(EnvironmentVariables.ApprovalParameterPrefix))?.TrimEnd('/'),
            ParameterName(Lookup(EnvironmentVariables.PauseParameterName)),
            ParameterName(Lookup(EnvironmentVariables.ReadinessParameterName)));
    }

    private static string? StateMachine(Func<string, string?> lookup, string name, List<string> problems)
    {
        var value = lookup(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        var parts = value.Split(':');
        if (parts.Length != 7 || parts[0] != "arn" || parts[2] != "states" || parts[5] != "stateMachine" || parts[6].Length == 0)
        {
            problems.Add($"{name} '{value}' is not a state machine ARN.");
            return null;
        }

        return value;
    }

    private static string? ParameterName(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Dictionary<string, string?> ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DrctlException($"configuration: cannot read {path}: {exception.Message}", ExitCodes.ConfigurationError);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DrctlException($"configuration: {path} is not a JSON object of variable names and values.", ExitCodes.ConfigurationError);
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    JsonValueKind.Null => null,
                    _ => throw new DrctlException(
                        $"configuration: {path}: {property.Name} must be a string, number or boolean.", ExitCodes.ConfigurationError),
                };
            }

            return values;
        }
        catch (JsonException exception)
        {
            throw new DrctlException($"configuration: {path} is not valid JSON: {exception.Message}", ExitCodes.ConfigurationError);
        }
    }
}
