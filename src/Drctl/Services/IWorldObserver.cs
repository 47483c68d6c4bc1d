using DrLambdas.Shared.Contracts;

namespace DrLambdas.Drctl.Services;

/// <summary>The HealthValidator's view of the world, run from where drctl runs.</summary>
internal interface IWorldObserver
{
    /// <summary>Reads every evidence source of both Regions (each within its timeout; failures become Unknown).</summary>
    Task<WorldSnapshot> ObserveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs the HealthValidator's <c>assess</c> on a <c>dry-run</c> manual document: the decision, its reasons and
    /// evidence, the weights and the RTO budget, with nothing changed.
    /// </summary>
    Task<AssessResponse> AssessDryRunAsync(string requestedBy, string reason, CancellationToken cancellationToken);
}
