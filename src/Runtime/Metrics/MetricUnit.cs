namespace DrLambdas.Runtime.Metrics;

/// <summary>CloudWatch metric units used by DrLambdas.</summary>
public enum MetricUnit
{
    /// <summary>No unit.</summary>
    None,

    /// <summary>A count of events.</summary>
    Count,

    /// <summary>Seconds.</summary>
    Seconds,

    /// <summary>Milliseconds.</summary>
    Milliseconds,

    /// <summary>Bytes.</summary>
    Bytes,

    /// <summary>Percent.</summary>
    Percent,
}
