using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Decisions;

/// <summary>The input of one decision plus the reasons collected so far.</summary>
internal sealed class DecisionContext(DecisionInput input)
{
    private readonly List<Reason> _reasons = [];
    private readonly Dictionary<string, RegionHealth> _health = new(StringComparer.Ordinal);
    private bool _forced;

    public DecisionInput Input { get; } = input;

    public DrTopology Topology => Input.Configuration.Topology;

    public DecisionPolicy Policy => Input.Configuration.Policy;

    public string RecoveryRegion => Topology.RecoveryRegion;

    public bool ForceRequested => Input.Trigger.Force;

    public bool IsDryRun => Input.Trigger.Mode == Triggers.TriggerMode.DryRun;

    public RegionHealth Health(string region)
    {
        if (!_health.TryGetValue(region, out var health))
        {
            health = RegionHealth.Of(region, Input.Signals);
            _health[region] = health;
        }

        return health;
    }

    /// <summary>The current weight of a Region's record (a missing record sends no traffic); null when the records could not be read.</summary>
    public int? CurrentWeight(RegionSite site) => Input.CurrentWeights is { } weights
        ? weights.WithSetIdentifier(site.SetIdentifier)?.Weight ?? 0
        : null;

    /// <summary>The current weights as evidence lines, or the line saying they could not be read.</summary>
    public IEnumerable<string> WeightEvidence() =>
        Input.CurrentWeights is { } weights ? weights.Select(Evidence.Of) : [Evidence.WeightsUnreadable];

    public void Add(ReasonCode code, string message, IEnumerable<string>? evidence = null) =>
        _reasons.Add(new Reason(code, message, evidence?.ToList() ?? []));

    /// <summary>Records that the operator's force bypassed <paramref name="gate"/>.</summary>
    public void Override(string gate)
    {
        _forced = true;
        Add(ReasonCode.ForcedOverride, ReasonTexts.ForcedOverride(gate, Input.Trigger.RequestedBy), [$"trigger:force requested by {Input.Trigger.RequestedBy}"]);
    }

    public Decision Finish(
        DecisionAction action,
        RegionSite? from = null,
        RegionSite? target = null,
        bool isFailback = false,
        double? estimatedDataLossSeconds = null)
    {
        var movesWriter = action is DecisionAction.Switchover or DecisionAction.Failover;
        return new Decision(
            action,
            from?.Region,
            target?.Region,
            movesWriter ? target?.ClusterArn : null,
            Topology.GlobalClusterId,
            AllowDataLoss: action == DecisionAction.Failover,
            action switch
            {
                DecisionAction.Switchover => 0,
                DecisionAction.Failover => estimatedDataLossSeconds,
                _ => null,
            },
            _forced,
            IsDryRun,
            isFailback,
            _reasons.ToList(),
            action == DecisionAction.Failover && from is not null
                && PinOrderRule.DrainFirst(Health(from.Region), TargetHealthRule.IsWatchedByRoute53(this, from)),
            Input.Pause);
    }
}
