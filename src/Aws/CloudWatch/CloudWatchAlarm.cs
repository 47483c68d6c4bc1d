namespace DrLambdas.Aws.CloudWatch;

/// <summary>State of a CloudWatch alarm.</summary>
public enum CloudWatchAlarmState
{
    /// <summary>A state this client does not know.</summary>
    Unknown,

    /// <summary><c>OK</c>.</summary>
    Ok,

    /// <summary><c>ALARM</c>.</summary>
    Alarm,

    /// <summary><c>INSUFFICIENT_DATA</c>.</summary>
    InsufficientData,
}

/// <summary>Metric alarm or composite alarm.</summary>
public enum AlarmKind
{
    /// <summary>An alarm on one metric or metric math expression.</summary>
    Metric,

    /// <summary>An alarm whose rule combines other alarms.</summary>
    Composite,
}

/// <summary>A CloudWatch alarm and its current state.</summary>
/// <param name="Name">Alarm name.</param>
/// <param name="Arn">Alarm ARN.</param>
/// <param name="Kind">Metric or composite.</param>
/// <param name="State">Current state.</param>
/// <param name="StateReason">Why it is in this state, in CloudWatch's words.</param>
/// <param name="StateUpdatedAt">When the state last changed or was re-evaluated.</param>
/// <param name="Namespace">Metric namespace (metric alarms on a single metric).</param>
/// <param name="MetricName">Metric name (metric alarms on a single metric).</param>
public sealed record CloudWatchAlarm(
    string Name,
    string? Arn,
    AlarmKind Kind,
    CloudWatchAlarmState State,
    string? StateReason,
    DateTimeOffset? StateUpdatedAt,
    string? Namespace,
    string? MetricName);
