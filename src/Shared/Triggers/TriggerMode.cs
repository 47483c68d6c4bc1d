using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Triggers;

/// <summary>What the trigger asks for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TriggerMode>))]
public enum TriggerMode
{
    /// <summary>An alarm fired: decide from the evidence.</summary>
    Automatic,

    /// <summary>Manual: move the writer and traffic to the target, with data loss if unavoidable.</summary>
    Failover,

    /// <summary>Manual: move the writer and traffic to the target without data loss.</summary>
    Switchover,

    /// <summary>Manual: return to the primary Region (switchover, then gradual traffic steps).</summary>
    Failback,

    /// <summary>Manual: decide as if acting, change nothing.</summary>
    DryRun,
}
