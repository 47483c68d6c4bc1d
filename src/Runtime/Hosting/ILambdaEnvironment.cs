namespace DrLambdas.Runtime.Hosting;

/// <summary>
/// The process environment as the runtime sees it; a seam so tests can run the loop without touching
/// real environment variables.
/// </summary>
public interface ILambdaEnvironment
{
    /// <summary>The value of an environment variable, or <see langword="null"/> when it is not set.</summary>
    string? GetVariable(string name);

    /// <summary>Sets (or with <see langword="null"/> removes) an environment variable for this process.</summary>
    void SetVariable(string name, string? value);
}
