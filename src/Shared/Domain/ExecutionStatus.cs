using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Domain;

/// <summary>A Step Functions execution status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExecutionStatus>))]
public enum ExecutionStatus
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>Finished successfully.</summary>
    Succeeded,

    /// <summary>Failed.</summary>
    Failed,

    /// <summary>Timed out.</summary>
    TimedOut,

    /// <summary>Stopped by someone.</summary>
    Aborted,
}
