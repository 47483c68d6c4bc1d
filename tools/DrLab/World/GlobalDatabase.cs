using System.Globalization;
using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// The Aurora global database: one writer cluster, one secondary, switchover and failover with their modelled
/// durations, and the resynchronisation of an old primary that rejoins as a secondary.
/// </summary>
internal sealed class GlobalDatabase(WorldDefinition definition, TimeProfile profile)
{
    private readonly Dictionary<string, DateTimeOffset?> _resyncing = new(StringComparer.Ordinal);
    private readonly List<PromotionOperation> _history = [];

    public string WriterRegion { get; private set; } = definition.PrimaryRegion;

    public PromotionOperation? Current { get; private set; }

    public IReadOnlyList<PromotionOperation> History => _history;

    public string SecondaryRegion => definition.OtherRegion(WriterRegion);

    /// <summary>Status of the global cluster: available, failing-over or switching-over.</summary>
    public string Status => Current switch
    {
        null => "available",
        { Kind: PromotionKind.Failover } => "failing-over",
        _ => "switching-over",
    };

    public bool AcceptingWrites(WorldConditions conditions) => Current is null && conditions.IsDatabaseUp(WriterRegion);

    public bool ReplicationUp(WorldConditions conditions) =>
        !_resyncing.ContainsKey(SecondaryRegion) && conditions.IsReplicationPathUp(WriterRegion, SecondaryRegion);

    /// <summary>connected, or pending-resync for a secondary that is not receiving the writer's changes.</summary>
    public string SynchronizationStatus(string region, WorldConditions conditions) =>
        string.Equals(region, WriterRegion, StringComparison.Ordinal) || ReplicationUp(conditions)
            ? "connected"
            : "pending-resync";

    /// <summary>Starts a failover or switchover after AWS's checks; throws the error AWS would return.</summary>
    public PromotionOperation Start(PromotionKind kind, string targetRegion, DateTimeOffset now, WorldConditions conditions, WriteStream writes)
    {
        var gc = definition.GlobalClusterId;
        if (Current is not null)
        {
            throw new LabError("InvalidGlobalClusterStateFault",
                $"Global cluster {gc} is {Status}; another switchover or failover is in progress.");
        }

        if (string.Equals(targetRegion, WriterRegion, StringComparison.Ordinal))
        {
            throw new LabError("InvalidDBClusterStateFault",
                $"DB cluster {definition.ClusterArn(targetRegion)} is already the primary cluster of global cluster {gc}.");
        }

        if (!conditions.IsDatabaseUp(targetRegion))
        {
            throw new LabError("InvalidDBClusterStateFault",
                $"DB cluster {definition.ClusterArn(targetRegion)} is not available.");
        }

        if (kind == PromotionKind.Switchover && !ReplicationUp(conditions))
        {
            throw new LabError("InvalidGlobalClusterStateFault",
                $"Global cluster {gc} cannot switch over: the primary cluster {definition.ClusterArn(WriterRegion)} is unreachable "
                + "or the target is not synchronised. Use FailoverGlobalCluster with AllowDataLoss to fail over.");
        }

        var baseSeconds = kind == PromotionKind.Failover ? profile.Durations.FailoverSeconds : profile.Durations.SwitchoverSeconds;
        var duration = profile.ToWall(baseSeconds * conditions.PromotionFactor);
        var operation = new PromotionOperation(
            string.Create(CultureInfo.InvariantCulture, $"op-{_history.Count + 1}"), kind, WriterRegion, targetRegion, now, duration)
        {
            CompletesAt = conditions.PromotionStuck ? null : now + duration,
        };
        if (kind == PromotionKind.Failover)
        {
            operation.Loss = writes.RecordLoss(now, operation.Id);
        }

        Current = operation;
        _history.Add(operation);
        return operation;
    }

    public DateTimeOffset? NextEventAfter(DateTimeOffset instant)
    {
        DateTimeOffset? next = Current?.CompletesAt is { } done && done > instant ? done : null;
        foreach (var until in _resyncing.Values)
        {
            if (until is { } u && u > instant && (next is null || u < next))
            {
                next = u;
            }
        }

        return next;
    }

    /// <summary>Finishes what is due at <paramref name="instant"/> and reacts to changed conditions.</summary>
    public void OnTime(DateTimeOffset instant, WorldConditions conditions)
    {
        if (Current is { } op)
        {
            if (op.CompletesAt is null && !conditions.PromotionStuck)
            {
                op.CompletesAt = instant + op.Duration;
            }
            else if (op.CompletesAt <= instant)
            {
                Complete(op, instant, conditions);
            }
        }

        foreach (var region in _resyncing.Keys.ToList())
        {
            var until = _resyncing[region];
            if (!conditions.IsDatabaseUp(region) || !conditions.IsReplicationPathUp(WriterRegion, region))
            {
                _resyncing[region] = null;
            }
            else if (until is null)
            {
                _resyncing[region] = instant + profile.ToWall(profile.Durations.ResyncSeconds);
            }
            else if (until <= instant)
            {
                _resyncing.Remove(region);
            }
        }
    }

    private void Complete(PromotionOperation op, DateTimeOffset instant, WorldConditions conditions)
    {
        Current = null;
        if (op.Kind == PromotionKind.Switchover && !conditions.IsReplicationPathUp(op.FromRegion, op.ToRegion))
        {
            op.Finish(instant, completed: false);
            return;
        }

        WriterRegion = op.ToRegion;
        op.Finish(instant, completed: true);
        if (op.Kind == PromotionKind.Failover)
        {
            _resyncing[op.FromRegion] = conditions.IsDatabaseUp(op.FromRegion) && conditions.IsReplicationPathUp(op.ToRegion, op.FromRegion)
                ? instant + profile.ToWall(profile.Durations.ResyncSeconds)
                : null;
        }
    }
}
