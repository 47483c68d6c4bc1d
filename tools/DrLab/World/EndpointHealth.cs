namespace DrLambdas.DrLab.World;

/// <summary>What a Region's application endpoint answers, and why.</summary>
internal sealed record EndpointHealth(bool Reachable, bool AppUp, bool DatabaseUp)
{
    public bool Healthy => Reachable && AppUp && DatabaseUp;

    /// <summary>HTTP status of <c>/actuator/health</c> (Spring Boot answers 503 when DOWN).</summary>
    public int HttpStatus => Healthy ? 200 : 503;

    /// <summary>A Route 53 checker's report of this answer.</summary>
    public string CheckerReport(string address) => !Reachable
        ? "Failure: Connection timed out. The endpoint or the internet connection is down, or requests are being blocked by your firewall."
        : Healthy
            ? "Success: HTTP Status Code 200, OK"
            : $"Failure: HTTP Status Code 503, Service Unavailable. Resolved IP: {address}";

    /// <summary>How the application's health depends on the faults, as every observer outside a partition sees it.</summary>
    public static EndpointHealth Of(string region, WorldConditions conditions) =>
        new(!conditions.IsRegionDown(region), conditions.IsAppUp(region), conditions.IsDatabaseUp(region));
}
