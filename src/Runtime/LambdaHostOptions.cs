namespace DrLambdas.Runtime;

/// <summary>Settings of <see cref="LambdaHost"/>.</summary>
public sealed class LambdaHostOptions
{
    /// <summary>The CloudWatch namespace of EMF metrics.</summary>
    public string MetricsNamespace { get; init; } = "DrLambdas";

    /// <summary>The clock of the host and the handlers.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
