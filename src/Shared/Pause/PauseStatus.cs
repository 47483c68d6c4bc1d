using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Pause;

/// <summary>What the pause parameter said at decision time.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PauseStatus>))]
public enum PauseStatus
{
    /// <summary>No pause parameter is configured (DR_PAUSE_PARAMETER_NAME unset): automatic failover cannot be paused.</summary>
    NotConfigured,

    /// <summary>The parameter does not exist: not paused.</summary>
    NotPaused,

    /// <summary>A valid pause that has not expired: alarm-started executions do nothing.</summary>
    Active,

    /// <summary>A valid pause past its expiry: not paused (the parameter is left for an operator to delete).</summary>
    Expired,

    /// <summary>The parameter could not be read or holds no valid document: nobody can tell whether failover is paused.</summary>
    Unreadable,
}
