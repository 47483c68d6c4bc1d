namespace DrLambdas.DrLab.Time;

/// <summary>
/// How fast the lab's modelled world runs. Every modelled duration is stated in model seconds (the durations AWS
/// documents) and divided by <see cref="TimeScale"/> to get wall-clock time; metric values stay in model units.
/// </summary>
internal sealed record TimeProfile(string Name, double TimeScale, ModelDurations Durations)
{
    /// <summary>AWS's documented durations, unscaled.</summary>
    public static TimeProfile Realistic { get; } = new("realistic", 1, ModelDurations.AwsDocumented);

    /// <summary>The same model, 30 times faster, for CI.</summary>
    public static TimeProfile Fast { get; } = new("fast", 30, ModelDurations.AwsDocumented);

    /// <summary>Profile names accepted on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fast", "realistic"];

    /// <summary>Resolves a profile by name (case-insensitive), or null when unknown.</summary>
    public static TimeProfile? FromName(string name) => name.ToUpperInvariant() switch
    {
        "FAST" => Fast,
        "REALISTIC" => Realistic,
        _ => null,
    };

    /// <summary>Wall-clock span of a duration given in model seconds.</summary>
    public TimeSpan ToWall(double modelSeconds) => TimeSpan.FromSeconds(modelSeconds / TimeScale);

    /// <summary>Model seconds represented by a wall-clock span.</summary>
    public double ToModelSeconds(TimeSpan wall) => wall.TotalSeconds * TimeScale;

    /// <summary>A model duration in whole wall-clock seconds, at least one, for integer configuration variables.</summary>
    public int ToWallSecondsAtLeastOne(double modelSeconds) =>
        Math.Max(1, (int)Math.Round(modelSeconds / TimeScale, MidpointRounding.AwayFromZero));
}
