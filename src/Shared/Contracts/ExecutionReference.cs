using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Contracts;

/// <summary>The <c>execution</c> section of the execution document: <c>$$.Execution</c> of the state machine.</summary>
/// <param name="Id">The execution ARN.</param>
/// <param name="Name">The execution name; the incident id is <c>dr-&lt;name&gt;</c>.</param>
/// <param name="StartTime">When the execution started.</param>
public sealed record ExecutionReference(string Id, string Name, DateTimeOffset StartTime)
{
    /// <summary>The incident id every step logs and every change batch names.</summary>
    [JsonIgnore]
    public string IncidentId => IncidentIds.ForExecution(Name);
}
