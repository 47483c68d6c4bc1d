using System.Text.Json;

namespace DrLambdas.LambdaEmulator.Configuration;

/// <summary>
/// Reads function variables from a file in either of two formats:
/// SAM's <c>--env-vars</c> JSON (<c>{"Parameters":{...all functions...},"FunctionName":{...}}</c>) or
/// dotenv lines (<c>NAME=VALUE</c>, <c>#</c> comments, optional quotes) applying to every function.
/// </summary>
internal sealed class EnvironmentFile
{
    private const string SharedSection = "Parameters";
    private readonly Dictionary<string, string> _shared;
    private readonly Dictionary<string, Dictionary<string, string>> _perFunction;

    private EnvironmentFile(Dictionary<string, string> shared, Dictionary<string, Dictionary<string, string>> perFunction)
    {
        _shared = shared;
        _perFunction = perFunction;
    }

    public static EnvironmentFile Empty { get; } = new([], []);

    public static EnvironmentFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            throw new EmulatorConfigurationException($"Cannot read the environment file {path}: {exception.Message}", exception);
        }

        return Parse(text, path);
    }

    public static EnvironmentFile Parse(string text, string source) =>
        text.TrimStart().StartsWith('{') ? ParseSamJson(text, source) : ParseDotenv(text, source);

    /// <summary>The variables of <paramref name="functionName"/>: shared ones, overridden by its own section.</summary>
    public IReadOnlyDictionary<string, string> For(string functionName)
    {
        var variables = new Dictionary<string, string>(_shared, StringComparer.Ordinal);
        if (_perFunction.TryGetValue(functionName, out var own))
        {
            foreach (var (name, value) in own)
            {
                variables[name] = value;
            }
        }

        return variables;
    }

    private static EnvironmentFile ParseSamJson(string text, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new EmulatorConfigurationException($"{source} is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var shared = new Dictionary<string, string>(StringComparer.Ordinal);
            var perFunction = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (var section in document.RootElement.EnumerateObject())
            {
                if (section.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new EmulatorConfigurationException($"{source}: \"{section.Name}\" must be an object of variables.");
                }

                var variables = section.Name == SharedSection ? shared : perFunction[section.Name] = new(StringComparer.Ordinal);
                foreach (var variable in section.Value.EnumerateObject())
                {
                    variables[variable.Name] = variable.Value.ValueKind switch
                    {
                        JsonValueKind.String => variable.Value.GetString()!,
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => variable.Value.GetRawText(),
                        _ => throw new EmulatorConfigurationException($"{source}: {section.Name}.{variable.Name} must be a string, number or boolean."),
                    };
                }
            }

            return new EnvironmentFile(shared, perFunction);
        }
    }

    private static EnvironmentFile ParseDotenv(string text, string source)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new EmulatorConfigurationException($"{source}:{lineNumber}: expected NAME=VALUE, got '{line}'.");
            }

            var name = line[..separator].Trim();
            var value = line[(separator + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            variables[name] = value;
        }

        return new EnvironmentFile(variables, []);
    }
}
