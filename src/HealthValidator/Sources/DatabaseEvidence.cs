using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Sources;

/// <summary>What the RDS endpoints of both Regions say about the global database.</summary>
/// <param name="View">The global database (no members when no endpoint could describe it).</param>
/// <param name="EndpointSignals">One DatabaseEndpoint signal per Region.</param>
/// <param name="Notes">Evidence gaps worth telling an operator.</param>
internal sealed record DatabaseEvidence(GlobalClusterView View, IReadOnlyList<HealthSignal> EndpointSignals, IReadOnlyList<string> Notes);
