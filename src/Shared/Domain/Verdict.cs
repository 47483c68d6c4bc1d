using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Domain;

/// <summary>What one observation says about a Region.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>The observer saw the Region working.</summary>
    Healthy,

    /// <summary>The observer saw the Region failing.</summary>
    Unhealthy,

    /// <summary>The observer could not tell (timeout, no data, not configured).</summary>
    Unknown,
}
