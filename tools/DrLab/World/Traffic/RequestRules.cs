namespace DrLambdas.DrLab.World.Traffic;

/// <summary>
/// When a client's request succeeds. Clients are on the internet, outside both Regions: a partition (Region ↔ Region)
/// never stands between a client and the Region it resolved.
/// </summary>
internal static class RequestRules
{
    /// <summary>
    /// A read needs the Region up, its application up and its regional database (the reader) up.
    /// </summary>
    public static bool ReadSucceeds(string region, WorldConditions conditions) =>
        !conditions.IsRegionDown(region) && conditions.IsAppUp(region) && conditions.IsDatabaseUp(region);

    /// <summary>
    /// A write needs what a read needs and the application of that Region reaching an available writer through the
    /// global writer endpoint (see <see cref="GlobalWriterEndpoint.LeadsToAvailableWriter"/>).
    /// </summary>
    public static bool WriteSucceeds(
        string region, DateTimeOffset instant, WorldConditions conditions, GlobalDatabase database, GlobalWriterEndpoint endpoint) =>
        ReadSucceeds(region, conditions) && endpoint.LeadsToAvailableWriter(region, instant, database, conditions);
}
