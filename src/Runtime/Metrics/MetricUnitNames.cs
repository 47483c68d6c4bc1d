namespace DrLambdas.Runtime.Metrics;

/// <summary>The unit names CloudWatch expects in EMF records.</summary>
internal static class MetricUnitNames
{
    public static string ToName(MetricUnit unit) => unit switch
    {
        MetricUnit.None => "None",
        MetricUnit.Count => "Count",
        MetricUnit.Seconds => "Seconds",
        MetricUnit.Milliseconds => "Milliseconds",
        MetricUnit.Bytes => "Bytes",
        MetricUnit.Percent => "Percent",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown metric unit."),
    };
}
