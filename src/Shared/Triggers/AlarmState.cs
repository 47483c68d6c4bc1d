using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Triggers;

/// <summary>A CloudWatch alarm state.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmState>))]
public enum AlarmState
{
    /// <summary>CloudWatch <c>OK</c>.</summary>
    Ok,

    /// <summary>CloudWatch <c>ALARM</c>.</summary>
    Alarm,

    /// <summary>CloudWatch <c>INSUFFICIENT_DATA</c>.</summary>
    InsufficientData,
}
