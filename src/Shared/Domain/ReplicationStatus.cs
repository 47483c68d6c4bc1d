namespace DrLambdas.Shared.Domain;

/// <summary>
/// How much committed data the recovery Region may be missing: the latest
/// <c>AuroraGlobalDBRPOLag</c> measurement.
/// </summary>
/// <param name="RpoLag">The measured lag, or null when no measurement is available.</param>
/// <param name="MeasuredAt">When the measurement was taken, or null.</param>
public sealed record ReplicationStatus(TimeSpan? RpoLag, DateTimeOffset? MeasuredAt)
{
    /// <summary>No measurement available.</summary>
    public static ReplicationStatus Unknown { get; } = new(null, null);
}
