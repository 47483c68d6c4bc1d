namespace DrLambdas.Shared.Configuration;

/// <summary>When a status poll reports an operation as timed out.</summary>
/// <param name="Promotion">Aurora promotion timeout.</param>
/// <param name="Propagation">Route 53 propagation timeout.</param>
public sealed record OperationTimeouts(TimeSpan Promotion, TimeSpan Propagation);
