namespace DrLambdas.DrLab.World;

/// <summary>Acknowledged writes lost by one unplanned failover: the ground truth for RPO.</summary>
internal sealed record LostWrites(
    string OperationId,
    DateTimeOffset At,
    long Count,
    long FirstSequence,
    long LastSequence,
    DateTimeOffset FirstAcknowledgedAt,
    DateTimeOffset LastAcknowledgedAt,
    double SpanSeconds,
    double ModelSpanSeconds);
