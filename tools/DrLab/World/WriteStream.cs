using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// The application's acknowledged writes: sequence numbers 1, 2, 3… at a steady rate to the current writer, each
/// replicated to the other Region after the modelled lag. Computed per interval, so any rate costs the same.
/// </summary>
internal sealed class WriteStream
{
    private readonly TimeProfile _profile;
    private readonly double _writesPerWallSecond;
    private readonly List<WriteSegment> _segments = [];
    private readonly List<LostWrites> _losses = [];
    private WriteSegment? _open;

    public WriteStream(TimeProfile profile)
    {
        _profile = profile;
        _writesPerWallSecond = profile.Durations.WritesPerSecond * profile.TimeScale;
    }

    /// <summary>The newest acknowledged write (0 before the first).</summary>
    public long LastAcknowledged { get; private set; }

    /// <summary>Every write up to this one is stored in the other Region (or was lost in a failover).</summary>
    public long ReplicatedThrough { get; private set; }

    /// <summary>Since when replication has been interrupted, or null while it flows.</summary>
    public DateTimeOffset? ReplicationInterruptedSince { get; private set; }

    public IReadOnlyList<LostWrites> Losses => _losses;

    public string? WriterRegion => _open?.Region;

    /// <summary>Runs the stream over (from, to] under constant conditions.</summary>
    public void Advance(DateTimeOffset from, DateTimeOffset to, WriteConditions conditions)
    {
        if (conditions.AcceptingWrites && conditions.WriterRegion is { } writer)
        {
            if (_open is null || !string.Equals(_open.Region, writer, StringComparison.Ordinal))
            {
                Close(from);
                _open = new WriteSegment(writer, LastAcknowledged + 1, from, _writesPerWallSecond);
                _segments.Add(_open);
            }

            LastAcknowledged = Math.Max(LastAcknowledged, _open.LastSequenceAt(to));
        }
        else
        {
            Close(from);
        }

        if (conditions.ReplicationUp)
        {
            ReplicationInterruptedSince = null;
            var horizon = to - _profile.ToWall(conditions.LagMilliseconds / 1000);
            ReplicatedThrough = Math.Min(LastAcknowledged, Math.Max(ReplicatedThrough, AcknowledgedBy(horizon)));
        }
        else
        {
            ReplicationInterruptedSince ??= from;
        }
    }

    /// <summary>
    /// An unplanned failover begins: the writer stops and every acknowledged write not yet in the other Region is lost.
    /// </summary>
    public LostWrites? RecordLoss(DateTimeOffset at, string operationId)
    {
        Close(at);
        LostWrites? loss = null;
        if (LastAcknowledged > ReplicatedThrough)
        {
            var first = ReplicatedThrough + 1;
            var firstAt = AcknowledgedAt(first);
            var lastAt = AcknowledgedAt(LastAcknowledged);
            var span = lastAt - firstAt + TimeSpan.FromSeconds(1 / _writesPerWallSecond);
            loss = new LostWrites(operationId, at, LastAcknowledged - ReplicatedThrough, first, LastAcknowledged,
                firstAt, lastAt, Math.Round(span.TotalSeconds, 6), Math.Round(_profile.ToModelSeconds(span), 3));
            _losses.Add(loss);
        }

        ReplicatedThrough = LastAcknowledged;
        return loss;
    }

    /// <summary>The time span, in model milliseconds, of acknowledged writes not yet stored in the other Region.</summary>
    public double RpoLagModelMilliseconds()
    {
        if (LastAcknowledged <= ReplicatedThrough)
        {
            return 0;
        }

        var span = AcknowledgedAt(LastAcknowledged) - AcknowledgedAt(ReplicatedThrough + 1)
            + TimeSpan.FromSeconds(1 / _writesPerWallSecond);
        return Math.Round(_profile.ToModelSeconds(span) * 1000, 1);
    }

    /// <summary>The current replication lag in model milliseconds, growing while replication is interrupted.</summary>
    public double ReplicationLagModelMilliseconds(DateTimeOffset now, double steadyLagMilliseconds) =>
        ReplicationInterruptedSince is { } since
            ? Math.Round(steadyLagMilliseconds + (_profile.ToModelSeconds(now - since) * 1000), 1)
            : steadyLagMilliseconds;

    private void Close(DateTimeOffset at)
    {
        if (_open is not null)
        {
            _open.CloseAt(at);
            LastAcknowledged = Math.Max(LastAcknowledged, _open.EndSequence!.Value);
            _open = null;
        }
    }

    /// <summary>The newest write acknowledged at or before the instant.</summary>
    private long AcknowledgedBy(DateTimeOffset instant)
    {
        for (var i = _segments.Count - 1; i >= 0; i--)
        {
            var segment = _segments[i];
            if (segment.StartedAt <= instant)
            {
                return Math.Max(segment.StartSequence - 1, segment.LastSequenceAt(instant));
            }
        }

        return 0;
    }

    private WriteSegment? SegmentOf(long sequence) =>
        _segments.LastOrDefault(s => s.StartSequence <= sequence && (s.EndSequence is null || s.EndSequence >= sequence));

    private DateTimeOffset AcknowledgedAt(long sequence) =>
        SegmentOf(sequence) is { } segment ? segment.AcknowledgedAt(sequence) : DateTimeOffset.MinValue;
}
