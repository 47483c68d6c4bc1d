namespace DrLambdas.DrLab.World;

/// <summary>What the active faults mean for the world at one instant.</summary>
internal sealed record WorldConditions(
    IReadOnlySet<string> RegionsDown,
    IReadOnlySet<string> AppsDown,
    IReadOnlySet<string> DatabasesDown,
    bool Partitioned,
    double? ReplicationLagMilliseconds,
    double PromotionFactor,
    bool PromotionStuck,
    double DnsPropagationFactor,
    bool Route53ApiUnreachable = false,
    bool WitnessUnreachable = false)
{
    /// <summary>No fault at all.</summary>
    public static WorldConditions Healthy { get; } = new(
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), false, null, 1, false, 1);

    public bool IsRegionDown(string region) => RegionsDown.Contains(region);

    /// <summary>
    /// Whether a request from <paramref name="observer"/> reaches <paramref name="region"/>'s endpoints. A partition cuts
    /// the two lab Regions from each other only; an observer outside both (the witness) still reaches both.
    /// </summary>
    public bool IsReachable(string observer, string region, IReadOnlyList<string> labRegions) =>
        !RegionsDown.Contains(region)
        && !(Partitioned && !string.Equals(observer, region, StringComparison.Ordinal)
             && labRegions.Contains(observer) && labRegions.Contains(region));

    public bool IsDatabaseUp(string region) => !RegionsDown.Contains(region) && !DatabasesDown.Contains(region);

    /// <summary>Whether the application process answers healthy, its database aside.</summary>
    public bool IsAppUp(string region) => !RegionsDown.Contains(region) && !AppsDown.Contains(region);

    /// <summary>Whether storage replication can flow between the two Regions.</summary>
    public bool IsReplicationPathUp(string from, string to) => IsDatabaseUp(from) && IsDatabaseUp(to) && !Partitioned;
}
