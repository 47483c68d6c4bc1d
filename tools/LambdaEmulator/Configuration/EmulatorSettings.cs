namespace DrLambdas.LambdaEmulator.Configuration;

/// <summary>Settings shared by every hosted function.</summary>
internal sealed record EmulatorSettings
{
    /// <summary>AWS_REGION and AWS_DEFAULT_REGION of the functions, and the Region in ARNs.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Account id in the invoked function ARN.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>
    /// Instances (processes) per function that may serve invocations at the same time; a further
    /// concurrent invocation waits for a free one.
    /// </summary>
    public int MaxInstancesPerFunction { get; init; } = 4;

    /// <summary>Longest allowed init phase (Lambda allows 10 s).</summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Variables copied from the emulator's own environment into every function (credentials, and what a
    /// JIT build needs to find the .NET runtime).
    /// </summary>
    public IReadOnlyDictionary<string, string> InheritedVariables { get; init; } = new Dictionary<string, string>();
}
