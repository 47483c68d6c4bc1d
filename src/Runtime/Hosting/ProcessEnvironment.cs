namespace DrLambdas.Runtime.Hosting;

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : ILambdaEnvironment
{
    /// <summary>The single instance; the process environment is global anyway.</summary>
    public static ProcessEnvironment Instance { get; } = new();

    private ProcessEnvironment()
    {
    }

    /// <inheritdoc/>
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    /// <inheritdoc/>
    public void SetVariable(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
