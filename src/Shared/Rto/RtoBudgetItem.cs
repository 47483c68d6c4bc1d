namespace DrLambdas.Shared.Rto;

/// <summary>One stage of the recovery time.</summary>
/// <param name="Name">Stage name, e.g. <c>detection</c>.</param>
/// <param name="Seconds">Its duration.</param>
/// <param name="Explanation">Where the figure comes from.</param>
public sealed record RtoBudgetItem(string Name, int Seconds, string Explanation);
