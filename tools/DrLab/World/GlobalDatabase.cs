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

    /// <summary>
    /// The Region whose cluster was removed from the global cluster (RemoveFromGlobalCluster), or null. A removed
    /// cluster becomes a standalone cluster: no longer a member, replicating nothing, never promotable, and it cannot
    /// rejoin (AWS requires a new secondary cluster).
    /// </summary>
    public string? DetachedRegion { get; private set; }

    /// <summary>Whether a Region's cluster is a member of the global cluster.</summary>
    public bool IsMember(string region) => !string.Equals(region, DetachedRegion, StringComparison.Ordinal);

    /// <summary>
    /// Removes the secondary cluster of <paramref name="region"/> from the global cluster, as RemoveFromGlobalCluster
    /// does; the writer cannot be removed while another member remains, and nothing is removed during a switchover or failover.
    /// </summary>
    public void Detach(string region)
    {
        if (string.Equals(region, WriterRegion, StringComparison.Ordinal))
        {
            throw new LabError("InvalidGlobalClusterStateFault",
                $"DB cluster {definition.ClusterArn(region)} is the primary cluster of global cluster {definition.GlobalClusterId}; remove the secondary clusters first.");
        }

        if (Current is not null)
        {
            throw new LabError("InvalidGlobalClusterStateFault", $"Global cluster {definition.GlobalClusterId} is {Status}.");
        }

        DetachedRegion = region;
        _resyncing.Remove(region);
    }

    /// <summary>Status of the global cluster: available, failing-over or switching-over.</summary>
    public string Status => Current switch
    {
        null => "available",
        { Kind: PromotionKind.Failover } => "failing-over",
        _ => "switching-over",
    };

    public bool AcceptingWrites(WorldConditions conditions) => Current is null && conditions.IsDatabaseUp(WriterRegion);

    public bool ReplicationUp(WorldConditions conditions) =>
        IsMember(SecondaryRegion) && !_resyncing.ContainsKey(SecondaryRegion) && conditions.IsReplicationPathUp(WriterRegion, SecondaryRegion);

    /// <summary>
    /// pending-resync while a member resynchronises after rejoining (an old primary after a failover), connected
    /// otherwise. A secondary cut off from its writer stays connected: RDS reports the loss through the lag
    /// (AuroraGlobalDBRPOLag), which is what AWS's failover guidance tells operators to read before accepting data loss.
    /// </summary>
    public string SynchronizationStatus(string region) =>
        _resyncing.ContainsKey(region) ? "pending-resync" : "connected";

    /// <summary>
    /// Accepts a failover or switchover after the checks AWS makes synchronously (another operation in progress, target
    /// already primary or not available) and throws the error AWS would return. Everything else is verified while the
    /// operation is <c>pending</c>: an operation that cannot proceed (a switchover whose primary is down or cut off)
    /// is then <c>cancelling</c> and ends with the writer unchanged.
    /// </summary>
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

        if (!IsMember(targetRegion))
        {
            throw new LabError("InvalidParameterValue",
                $"DB cluster {definition.ClusterArn(targetRegion)} is not a member of global cluster {gc}.");
        }

        if (!conditions.IsDatabaseUp(targetRegion))
        {
            throw new LabError("InvalidDBClusterStateFault",
                $"DB cluster {definition.ClusterArn(targetRegion)} is not available.");
        }

        var baseSeconds = kind == PromotionKind.Failover ? profile.Durations.FailoverSeconds : profile.Durations.SwitchoverSeconds;
        var duration = profile.ToWall(baseSeconds * conditions.PromotionFactor);
        var verification = profile.ToWall(Math.Min(profile.Durations.PromotionVerificationSeconds, baseSeconds / 2));
        var operation = new PromotionOperation(
            string.Create(CultureInfo.InvariantCulture, $"op-{_history.Count + 1}"), kind, WriterRegion, targetRegion, now, duration)
        {
            PhaseEndsAt = now + verification,
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
        DateTimeOffset? next = null;
        foreach (var candidate in new[] { Current?.CompletesAt, Current?.PhaseEndsAt })
        {
            if (candidate is { } c && c > instant && (next is null || c < next))
            {
                next = c;
            }
        }

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
            Step(op, instant, conditions);
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

    /// <summary>Whether AWS's verification lets the operation start now.</summary>
    private bool CanProceed(PromotionOperation op, WorldConditions conditions) =>
        conditions.IsDatabaseUp(op.ToRegion)
        && (op.Kind == PromotionKind.Failover || (conditions.IsDatabaseUp(op.FromRegion) && ReplicationUp(conditions)));

    private void Step(PromotionOperation op, DateTimeOffset instant, WorldConditions conditions)
    {
        switch (op.Phase)
        {
            case PromotionPhase.Pending when op.PhaseEndsAt <= instant:
                if (CanProceed(op, conditions))
                {
                    op.Phase = PromotionPhase.Running;
                    op.PhaseEndsAt = null;
                    var end = op.StartedAt + op.Duration;
                    op.CompletesAt = conditions.PromotionStuck ? null : end > instant ? end : instant;
                }
                else
                {
                    Cancel(op, instant);
                }

                break;
            case PromotionPhase.Running when op.CompletesAt is null && !conditions.PromotionStuck:
                op.CompletesAt = instant + op.Duration;
                break;
            case PromotionPhase.Running when op.CompletesAt <= instant:
                Complete(op, instant, conditions);
                break;
            case PromotionPhase.Cancelling when op.PhaseEndsAt <= instant:
                Current = null;
                op.PhaseEndsAt = null;
                op.Finish(instant, completed: false);
                break;
            default:
                break;
        }
    }

    private void Cancel(PromotionOperation op, DateTimeOffset instant)
    {
        op.Phase = PromotionPhase.Cancelling;
        op.CompletesAt = null;
        op.PhaseEndsAt = instant + profile.ToWall(profile.Durations.PromotionCancellationSeconds);
    }

    private void Complete(PromotionOperation op, DateTimeOffset instant, WorldConditions conditions)
    {
        if (op.Kind == PromotionKind.Switchover && !conditions.IsReplicationPathUp(op.FromRegion, op.ToRegion))
        {
            Cancel(op, instant);
            return;
        }

        Current = null;
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
