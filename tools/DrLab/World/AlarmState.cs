using System.Globalization;

namespace DrLambdas.DrLab.World;

/// <summary>One alarm's state and when it last changed.</summary>
internal sealed class AlarmState(string name, string watchedRegion, string healthCheckId, DateTimeOffset createdAt)
{
    public string Name { get; } = name;

    public string WatchedRegion { get; } = watchedRegion;

    public string HealthCheckId { get; } = healthCheckId;

    /// <summary>OK or ALARM.</summary>
    public string Value { get; private set; } = "OK";

    public DateTimeOffset UpdatedAt { get; private set; } = createdAt;

    public string Reason { get; private set; } = "Unchecked: Initial alarm creation";

    public string ReasonData { get; private set; } = "{}";

    public void Evaluate(DateTimeOffset instant, bool breached, int periodSeconds)
    {
        var value = breached ? "ALARM" : "OK";
        if (string.Equals(value, Value, StringComparison.Ordinal))
        {
            return;
        }

        Value = value;
        UpdatedAt = instant;
        var datapoint = breached ? "0.0" : "1.0";
        Reason = string.Create(CultureInfo.InvariantCulture,
            $"Threshold Crossed: 1 datapoint [{datapoint} ({instant:dd/MM/yy HH:mm:ss})] was {(breached ? "less than" : "not less than")} the threshold (1.0).");
        ReasonData = string.Create(CultureInfo.InvariantCulture,
            $"{{\"version\":\"1.0\",\"queryDate\":\"{instant:yyyy-MM-ddTHH:mm:ss.fff}+0000\",\"statistic\":\"Minimum\",\"period\":{periodSeconds},\"recentDatapoints\":[{datapoint}],\"threshold\":1.0}}");
    }
}
