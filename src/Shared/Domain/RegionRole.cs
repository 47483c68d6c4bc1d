using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Domain;

/// <summary>A Region's configured role. The current Aurora writer can differ after a failover.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RegionRole>))]
public enum RegionRole
{
    /// <summary>Normally serves most traffic and holds the Aurora writer.</summary>
    Primary,

    /// <summary>Serves the rest of the traffic and is the failover target.</summary>
    Secondary,
}
