using System.Text.Json.Serialization;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Contracts;

/// <summary>
/// HealthValidator <c>pin</c> input: judges a DNS pin whose last attempt did not land (retry, landed after all,
/// or give up past <c>DR_PIN_RETRY_SECONDS</c>).
/// </summary>
/// <param name="Operation">Always <c>pin</c>.</param>
/// <param name="IncidentId">For the logs and the metric.</param>
/// <param name="DesiredWeights">The weights the pin sets.</param>
/// <param name="Since">The first judgement's <c>since</c>; null on the first (the retry window starts now).</param>
/// <param name="Attempts">Failed attempts judged so far (0 on the first).</param>
/// <param name="Error">The last attempt's error name.</param>
/// <param name="Cause">The last attempt's error cause.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PinRequest(
    string Operation,
    string IncidentId,
    IReadOnlyList<RecordWeight> DesiredWeights,
    DateTimeOffset? Since,
    int Attempts,
    string? Error,
    string? Cause);

/// <summary>HealthValidator <c>pin</c> output: the pin section of the execution document.</summary>
/// <param name="State">Landed (the records are as desired), Pending (retry) or Failed (given up).</param>
/// <param name="Since">When the retry window opened (the first failed attempt's judgement).</param>
/// <param name="Attempts">Failed attempts so far, this one included.</param>
/// <param name="GiveUpAt">When a pin still not landed is given up.</param>
/// <param name="Detail">What was seen, the last error included.</param>
public sealed record PinResponse(PinState State, DateTimeOffset Since, int Attempts, DateTimeOffset GiveUpAt, string Detail);

/// <summary>Where the DNS pin (the weights that keep a recovering Region out before failback) stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PinState>))]
public enum PinState
{
    /// <summary>Route 53 holds the desired weights (accepted; propagation is not waited for).</summary>
    Landed,

    /// <summary>Not yet: traffic is held by the health checks only, and the pin is being retried.</summary>
    Pending,

    /// <summary>Given up after the retry window; pages through the <c>PinFailed</c> alarm.</summary>
    Failed,
}

/// <summary>The pin as the incident report states it.</summary>
/// <param name="State">Landed or Pending at report time (<c>verify</c> never gives up).</param>
/// <param name="Detail">What was seen.</param>
public sealed record PinReport(PinState State, string Detail);
