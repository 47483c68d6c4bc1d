using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Weights;

/// <summary>One gradual failback step: set these weights, then bake before the health gate.</summary>
/// <param name="Weights">The weights of both records, primary first.</param>
/// <param name="BakeSeconds">How long to wait before the health gate.</param>
public sealed record FailbackStep(IReadOnlyList<RecordWeight> Weights, int BakeSeconds);
