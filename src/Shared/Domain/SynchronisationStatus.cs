using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Domain;

/// <summary>A secondary cluster's replication state, as RDS reports it for a global cluster member.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SynchronisationStatus>))]
public enum SynchronisationStatus
{
    /// <summary>RDS <c>connected</c>: replicating from the writer.</summary>
    Connected,

    /// <summary>RDS <c>pending-resync</c>: not replicating; a switchover to it would fail.</summary>
    PendingResync,

    /// <summary>Not reported (for example the writer itself, or the describe call failed).</summary>
    Unknown,
}
