using DrLambdas.Shared.Pause;

namespace DrLambdas.Shared.Decisions;

/// <summary>The outcome of <see cref="DecisionEngine.Decide"/>.</summary>
/// <param name="Action">What to do.</param>
/// <param name="FailedRegion">The Region traffic (and possibly the writer) moves away from, when known.</param>
/// <param name="TargetRegion">The Region traffic moves to, when known.</param>
/// <param name="TargetClusterArn">The cluster to promote (Switchover and Failover only).</param>
/// <param name="GlobalClusterId">The Aurora global cluster.</param>
/// <param name="AllowDataLoss">True only for Failover: promote with <c>AllowDataLoss</c>.</param>
/// <param name="EstimatedDataLossSeconds">Estimated loss: 0 for Switchover, the RPO lag for Failover
/// (null when unmeasured), null otherwise.</param>
/// <param name="Forced">An operator's <c>force</c> bypassed at least one gate.</param>
/// <param name="DryRun">Report only; the state machine changes nothing.</param>
/// <param name="IsFailback">A failback: traffic returns in gradual steps.</param>
/// <param name="Reasons">Why, in order of evaluation, each with its evidence.</param>
/// <param name="DrainFirst">A Failover whose DNS pin must land before the promotion (<see cref="PinOrderRule"/>).</param>
/// <param name="Pause">The pause of automatic failover the decision saw (null: none configured).</param>
public sealed record Decision(
    DecisionAction Action,
    string? FailedRegion,
    string? TargetRegion,
    string? TargetClusterArn,
    string GlobalClusterId,
    bool AllowDataLoss,
    double? EstimatedDataLossSeconds,
    bool Forced,
    bool DryRun,
    bool IsFailback,
    IReadOnlyList<Reason> Reasons,
    bool DrainFirst = false,
    PauseState? Pause = null)
{
    /// <summary>Whether the action promotes a cluster.</summary>
    public bool MovesWriter => Action is DecisionAction.Switchover or DecisionAction.Failover;

    /// <summary>Whether the action changes DNS weights.</summary>
    public bool MovesTraffic => MovesWriter || Action == DecisionAction.DrainSecondary;
}
