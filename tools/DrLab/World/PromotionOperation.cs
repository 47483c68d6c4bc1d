namespace DrLambdas.DrLab.World;

/// <summary>The two ways Aurora makes a secondary cluster the global writer.</summary>
internal enum PromotionKind
{
    /// <summary>Unplanned: FailoverGlobalCluster with AllowDataLoss; unreplicated writes are lost.</summary>
    Failover,

    /// <summary>Planned: SwitchoverGlobalCluster (or FailoverGlobalCluster with Switchover); no data loss.</summary>
    Switchover,
}

/// <summary>Where an operation in progress stands (the global cluster's FailoverState).</summary>
internal enum PromotionPhase
{
    /// <summary>AWS verifies the primary and the target before the operation starts.</summary>
    Pending,

    /// <summary>Promoting the target: FailoverState failing-over or switching-over.</summary>
    Running,

    /// <summary>The operation could not proceed; both clusters return to their previous states.</summary>
    Cancelling,
}

/// <summary>One switchover or failover of the global cluster, in progress or finished.</summary>
internal sealed class PromotionOperation(
    string id, PromotionKind kind, string fromRegion, string toRegion, DateTimeOffset startedAt, TimeSpan duration)
{
    public string Id { get; } = id;

    public PromotionKind Kind { get; } = kind;

    public string FromRegion { get; } = fromRegion;

    public string ToRegion { get; } = toRegion;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Wall-clock duration once it runs (the stuck fault suspends it).</summary>
    public TimeSpan Duration { get; } = duration;

    /// <summary>When the running phase ends; null before it starts and while stuck.</summary>
    public DateTimeOffset? CompletesAt { get; set; }

    public PromotionPhase Phase { get; set; } = PromotionPhase.Pending;

    /// <summary>When the pending or cancelling phase ends.</summary>
    public DateTimeOffset? PhaseEndsAt { get; set; }

    /// <summary>FailoverState.Status as DescribeGlobalClusters reports it: pending, failing-over, switching-over or cancelling.</summary>
    public string FailoverStatus => Phase switch
    {
        PromotionPhase.Pending => "pending",
        PromotionPhase.Cancelling => "cancelling",
        _ => Kind == PromotionKind.Failover ? "failing-over" : "switching-over",
    };

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>InProgress, Completed or Cancelled.</summary>
    public string Outcome { get; private set; } = "InProgress";

    public LostWrites? Loss { get; set; }

    public bool IsInProgress => FinishedAt is null;

    public void Finish(DateTimeOffset at, bool completed)
    {
        FinishedAt = at;
        Outcome = completed ? "Completed" : "Cancelled";
    }
}
