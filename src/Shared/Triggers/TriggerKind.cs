using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Triggers;

/// <summary>Where an execution's input came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TriggerKind>))]
public enum TriggerKind
{
    /// <summary>An EventBridge "CloudWatch Alarm State Change" event.</summary>
    Alarm,

    /// <summary>A manual document started by an operator.</summary>
    Manual,
}
