namespace DrLambdas.DrLab.World;

/// <summary>One Route 53 checker's view of one endpoint.</summary>
internal sealed class CheckerState(string region, string address, DateTimeOffset createdAt)
{
    private int _streak;

    public string Region { get; } = region;

    public string Address { get; } = address;

    public bool Healthy { get; private set; } = true;

    public DateTimeOffset CheckedAt { get; private set; } = createdAt;

    /// <summary>The report of the latest result that agrees with the checker's verdict.</summary>
    public string Report { get; private set; } = "Success: HTTP Status Code 200, OK";

    public void Record(DateTimeOffset at, bool healthy, string report, int threshold)
    {
        CheckedAt = at;
        if (healthy == Healthy)
        {
            _streak = 0;
            Report = report;
            return;
        }

        _streak++;
        if (_streak >= threshold)
        {
            Healthy = healthy;
            Report = report;
            _streak = 0;
        }
    }
}
