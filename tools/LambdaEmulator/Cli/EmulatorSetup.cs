using System.CommandLine;
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
        var memory = parse.GetValue(options.MemoryMb);
        if (memory is < 128 or > 10240)
        {
            throw new EmulatorConfigurationException($"--memory must be between 128 and 10240 MB; got {memory}.");
        }

        var timeoutSeconds = parse.GetValue(options.TimeoutSeconds);
        if (timeoutSeconds is <= 0 or > 900)
        {
            throw new EmulatorConfigurationException($"--timeout must be within (0, 900] seconds; got {timeoutSeconds}.");
        }

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

            functions.Add(new FunctionDefinition(name, bootstrap, memory, TimeSpan.FromSeconds(timeoutSeconds), variables));
        }

        var settings = new EmulatorSettings
        {
            Region = parse.GetValue(options.Region) ?? readEnvironment("AWS_REGION") ?? "us-east-1",
            MaxInstancesPerFunction = maxInstances,
            InheritedVariables = LambdaEnvironmentBuilder.Inherited(readEnvironment),
        };
        return (functions, settings);
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
