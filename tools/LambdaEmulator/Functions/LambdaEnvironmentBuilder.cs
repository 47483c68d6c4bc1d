using System.Globalization;
using DrLambdas.LambdaEmulator.Configuration;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>
/// The environment of a bootstrap: what Lambda sets for a <c>provided.al2023</c> function, the inherited
/// variables (credentials, .NET location), then the function's own variables, which win.
/// </summary>
internal static class LambdaEnvironmentBuilder
{
    public static Dictionary<string, string> Build(
        FunctionDefinition function,
        EmulatorSettings settings,
        string runtimeApiAddress,
        string logStreamName)
    {
        var taskRoot = Path.GetDirectoryName(function.BootstrapPath) ?? "/";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApiAddress,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.Name,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + function.Name,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = logStreamName,
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_REGION"] = settings.Region,
            ["AWS_DEFAULT_REGION"] = settings.Region,
            ["LAMBDA_TASK_ROOT"] = taskRoot,
            ["LAMBDA_RUNTIME_DIR"] = taskRoot,
            ["_HANDLER"] = Path.GetFileName(function.BootstrapPath),
            ["TZ"] = ":UTC",
            ["LANG"] = "en_US.UTF-8",
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        };
        foreach (var (name, value) in settings.InheritedVariables)
        {
            environment[name] = value;
        }

        foreach (var (name, value) in function.Variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>
    /// What the emulator passes on from its own environment: AWS credentials and profile, and the variables a
    /// framework-dependent (JIT) build needs to find .NET.
    /// </summary>
    public static Dictionary<string, string> Inherited(Func<string, string?> read)
    {
        string[] names =
        [
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
            "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "HOME", "PATH", "DOTNET_ROOT",
        ];
        var inherited = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (read(name) is { Length: > 0 } value)
            {
                inherited[name] = value;
            }
        }

        return inherited;
    }
}
