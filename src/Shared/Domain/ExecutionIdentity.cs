namespace DrLambdas.Shared.Domain;

/// <summary>The execution that is deciding now.</summary>
/// <param name="ExecutionId">Its execution ARN.</param>
/// <param name="StartedAt">When it started.</param>
public sealed record ExecutionIdentity(string ExecutionId, DateTimeOffset StartedAt);
