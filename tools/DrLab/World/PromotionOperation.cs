namespace DrLambdas.DrLab.World;

/// <summary>The two ways Aurora makes a secondary cluster the global writer.</summary>
internal enum PromotionKind
{
    /// <summary>Unplanned: FailoverGlobalCluster with AllowDataLoss; unreplicated writes are lost.</summary>
    Failover,

    /// <summary>Planned: SwitchoverGlobalCluster (or FailoverGlobalCluster with Switchover); no data loss.</summary>
    Switchover,
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

    /// <summary>Null while stuck.</summary>
    public DateTimeOffset? CompletesAt { get; set; }

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
