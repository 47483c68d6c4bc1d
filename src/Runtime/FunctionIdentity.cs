using System.Globalization;
using DrLambdas.Runtime.Hosting;

namespace DrLambdas.Runtime;

/// <summary>The function's name, version and memory as Lambda announces them in the environment.</summary>
/// <param name="Name">AWS_LAMBDA_FUNCTION_NAME, or empty when not set.</param>
/// <param name="Version">AWS_LAMBDA_FUNCTION_VERSION, or <c>$LATEST</c>.</param>
/// <param name="MemoryLimitInMB">AWS_LAMBDA_FUNCTION_MEMORY_SIZE, or 0.</param>
public sealed record FunctionIdentity(string Name, string Version, int MemoryLimitInMB)
{
    /// <summary>Reads the identity from <paramref name="environment"/>.</summary>
    public static FunctionIdentity From(ILambdaEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var memory = int.TryParse(
            environment.GetVariable(LambdaEnvironmentVariables.FunctionMemorySize),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var megabytes) ? megabytes : 0;
        return new FunctionIdentity(
            environment.GetVariable(LambdaEnvironmentVariables.FunctionName) ?? string.Empty,
            environment.GetVariable(LambdaEnvironmentVariables.FunctionVersion) ?? "$LATEST",
            memory);
    }
}
