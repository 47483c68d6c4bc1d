namespace DrLambdas.Shared.Rto;

/// <summary>The three recovery times the configuration allows on one path, each beside the same target.</summary>
/// <param name="Serving">Incident → reads served again.</param>
/// <param name="Writes">Incident → writes succeed again.</param>
/// <param name="Actions">Incident → the recovery actions done (the orchestrator's own RTO).</param>
public sealed record RtoBudgets(RtoBudget Serving, RtoBudget Writes, RtoBudget Actions);
