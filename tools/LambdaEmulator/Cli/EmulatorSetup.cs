using System.CommandLine;
using System.Globalization;
using DrLambdas.LambdaEmulator.Configuration;
using DrLambdas.LambdaEmulator.Functions;

namespace DrLambdas.LambdaEmulator.Cli;

/// <summary>Turns parsed options into function definitions and settings, validating everything up front.</summary>
internal static class EmulatorSetup
{
    public static (IReadOnlyList<FunctionDefinition> Functions, EmulatorSettings Settings) From(
        ParseResult parse,
        CommonOptions options,
        Func<string, string?> readEnvironment)
    {
        var memory = CheckedMemory("--memory", parse.GetValue(options.MemoryMb));
        var timeoutSeconds = CheckedTimeout("--timeout", parse.GetValue(options.TimeoutSeconds));
        var memoryByFunction = PerFunction("--function-memory", parse.GetValue(options.FunctionMemory) ?? [], value =>
            CheckedMemory("--function-memory", int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) ? mb : -1));
        var timeoutByFunction = PerFunction("--function-timeout", parse.GetValue(options.FunctionTimeout) ?? [], value =>
            CheckedTimeout("--function-timeout", double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : -1));

        var maxInstances = parse.GetValue(options.MaxInstances);
        if (maxInstances < 1)
        {
            throw new EmulatorConfigurationException($"--max-instances must be at least 1; got {maxInstances}.");
        }

        var envFile = parse.GetValue(options.EnvFile) is { } path ? EnvironmentFile.Load(path) : EnvironmentFile.Empty;
        var overrides = ParseAssignments(parse.GetValue(options.Env) ?? []);
        var functions = new List<FunctionDefinition>();
        foreach (var spec in parse.GetValue(options.Functions) ?? [])
        {
            var (name, bootstrap) = FunctionSpec.Parse(spec);
            var variables = new Dictionary<string, string>(envFile.For(name), StringComparer.Ordinal);
            foreach (var (variable, value) in overrides)
            {
                variables[variable] = value;
            }

            functions.Add(new FunctionDefinition(
                name,
                bootstrap,
                memoryByFunction.GetValueOrDefault(name, memory),
                TimeSpan.FromSeconds(timeoutByFunction.GetValueOrDefault(name, timeoutSeconds)),
                variables));
        }

        var unknown = memoryByFunction.Keys.Concat(timeoutByFunction.Keys).Where(name => functions.All(f => f.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            throw new EmulatorConfigurationException($"--function-memory/--function-timeout name no hosted function: {string.Join(", ", unknown.Distinct())}.");
        }

        var settings = new EmulatorSettings
        {
            Region = parse.GetValue(options.Region) ?? readEnvironment("AWS_REGION") ?? "us-east-1",
            MaxInstancesPerFunction = maxInstances,
            InheritedVariables = LambdaEnvironmentBuilder.Inherited(readEnvironment),
        };
        return (functions, settings);
    }

    private static int CheckedMemory(string option, int memory) => memory is < 128 or > 10240
        ? throw new EmulatorConfigurationException($"{option} must be between 128 and 10240 MB; got {memory}.")
        : memory;

    private static double CheckedTimeout(string option, double seconds) => seconds is <= 0 or > 900
        ? throw new EmulatorConfigurationException($"{option} must be within (0, 900] seconds; got {seconds}.")
        : seconds;

    private static Dictionary<string, T> PerFunction<T>(string option, IEnumerable<string> assignments, Func<string, T> parse)
    {
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var separator = assignment.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new EmulatorConfigurationException($"{option} expects NAME=VALUE; got '{assignment}'.");
            }

            values[assignment[..separator]] = parse(assignment[(separator + 1)..]);
        }

        return values;
    }

    private static Dictionary<string, string> ParseAssignments(IEnumerable<string> assignments)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var separator = assignment.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new EmulatorConfigurationException($"--env expects NAME=VALUE; got '{assignment}'.");
            }

            variables[assignment[..separator]] = assignment[(separator + 1)..];
        }

        return variables;
    }
}
