namespace DrLambdas.DrLab.World;

/// <summary>Writes acknowledged by one writer during one uninterrupted stretch of time.</summary>
internal sealed class WriteSegment(string region, long startSequence, DateTimeOffset startedAt, double writesPerWallSecond)
{
    public string Region { get; } = region;

    public long StartSequence { get; } = startSequence;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public long? EndSequence { get; private set; }

    /// <summary>The newest sequence acknowledged by the instant (StartSequence - 1 when none yet).</summary>
    public long LastSequenceAt(DateTimeOffset instant)
    {
        var elapsed = Math.Max(0, (instant - StartedAt).TotalSeconds);
        // The epsilon absorbs TimeSpan tick rounding of scaled durations (a write is never counted more than 0.0001 early).
        var count = (long)Math.Floor((elapsed * writesPerWallSecond) + 1e-4);
        var last = StartSequence - 1 + count;
        return EndSequence is { } end ? Math.Min(end, last) : last;
    }

    public DateTimeOffset AcknowledgedAt(long sequence) =>
        StartedAt + TimeSpan.FromSeconds((sequence - StartSequence + 1) / writesPerWallSecond);

    public void CloseAt(DateTimeOffset at) => EndSequence = LastSequenceAt(at);
}
