namespace DrLambdas.Shared.Contracts;

/// <summary>What readiness keeps between runs in its SSM parameter: the identities of the last run's findings.</summary>
/// <param name="CheckedAt">When the last run checked.</param>
/// <param name="Findings">The <see cref="ReadinessFinding.Key"/> of each finding, sorted.</param>
public sealed record ReadinessState(DateTimeOffset CheckedAt, IReadOnlyList<string> Findings);
