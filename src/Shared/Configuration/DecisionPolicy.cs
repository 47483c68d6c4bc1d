namespace DrLambdas.Shared.Configuration;

/// <summary>The knobs of the decision rules.</summary>
/// <param name="Quorum">Signal kinds (1–4) that must agree a Region is down.</param>
/// <param name="Cooldown">No automatic failover within this long after the last one.</param>
/// <param name="DataLossBudget">Largest RPO lag accepted for an automatic failover.</param>
/// <param name="RtoTarget">The recovery time objective.</param>
/// <param name="RpoTarget">The recovery point objective.</param>
/// <param name="RpoLagMaxAge">An RPO lag measurement older than this is no measurement: the lag is unknown.</param>
public sealed record DecisionPolicy(
    int Quorum,
    TimeSpan Cooldown,
    TimeSpan DataLossBudget,
    TimeSpan RtoTarget,
    TimeSpan RpoTarget,
    TimeSpan RpoLagMaxAge)
{
    /// <summary>The number of distinct signal kinds, the largest meaningful quorum.</summary>
    public const int SignalKindCount = 4;
}
