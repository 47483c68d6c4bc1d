namespace DrLambdas.Shared.Rto;

/// <summary>The recovery time the configuration allows, next to the target.</summary>
/// <param name="TargetSeconds">The RTO target.</param>
/// <param name="TotalSeconds">The sum of <paramref name="Items"/>.</param>
/// <param name="Reachable">Whether the total fits in the target.</param>
/// <param name="Items">The stages, in order.</param>
/// <param name="Explanation">Whether the target is reachable and why.</param>
public sealed record RtoBudget(int TargetSeconds, int TotalSeconds, bool Reachable, IReadOnlyList<RtoBudgetItem> Items, string Explanation);
