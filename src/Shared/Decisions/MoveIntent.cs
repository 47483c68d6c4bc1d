namespace DrLambdas.Shared.Decisions;

/// <summary>Why the writer would move; decides which gates apply.</summary>
internal enum MoveIntent
{
    /// <summary>An alarm (or an automatic dry run): the Region being left must be proven down.</summary>
    Automatic,

    /// <summary>An operator's failover: proven down, or forced.</summary>
    Failover,

    /// <summary>An operator's switchover: planned, RPO 0 only.</summary>
    Switchover,

    /// <summary>A return to the primary: planned, RPO 0 only.</summary>
    Failback,
}
