using System.Text.Json.Serialization;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Contracts;

/// <summary>DnsUpdater <c>apply</c> input.</summary>
/// <param name="Operation">Always <c>apply</c>.</param>
/// <param name="IncidentId">Named in every change batch comment.</param>
/// <param name="DesiredWeights">The weights to converge to.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DnsApplyRequest(string Operation, string IncidentId, IReadOnlyList<RecordWeight> DesiredWeights);

/// <summary>DnsUpdater <c>status</c> input.</summary>
/// <param name="Operation">Always <c>status</c>.</param>
/// <param name="ChangeIds"><c>apply</c>'s change ids (may be empty).</param>
/// <param name="SubmittedAt"><c>apply</c>'s <c>submittedAt</c>.</param>
/// <param name="IncidentId">Optional incident id for the logs.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DnsStatusRequest(string Operation, IReadOnlyList<string> ChangeIds, DateTimeOffset SubmittedAt, string? IncidentId = null);

/// <summary>
/// DnsUpdater output of both operations. <c>apply</c> fills <paramref name="Changed"/> and
/// <paramref name="Unchanged"/>; <c>status</c> omits them (it only knows the change ids).
/// </summary>
/// <param name="ChangeIds">One change per record whose weight changed; empty when nothing changed.</param>
/// <param name="Status">INSYNC only when every change is.</param>
/// <param name="SubmittedAt">When the first change was accepted (or when <c>apply</c> found nothing to do).</param>
/// <param name="ElapsedSeconds">Since <paramref name="SubmittedAt"/>.</param>
/// <param name="TimedOut">Still PENDING after <c>DR_PROPAGATION_TIMEOUT_SECONDS</c>.</param>
/// <param name="Changed">The weights changed by <c>apply</c>.</param>
/// <param name="Unchanged">How many records <c>apply</c> found already as desired.</param>
public sealed record DnsChangeResponse(
    IReadOnlyList<string> ChangeIds,
    ChangePropagation Status,
    DateTimeOffset SubmittedAt,
    double ElapsedSeconds = 0,
    bool TimedOut = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<WeightChange>? Changed = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Unchanged = null);

/// <summary>One weight changed by <c>apply</c>.</summary>
/// <param name="SetIdentifier">The record's set identifier.</param>
/// <param name="From">Its weight before.</param>
/// <param name="To">Its weight now.</param>
public sealed record WeightChange(string SetIdentifier, int From, int To);

/// <summary>Route 53 propagation status, spelt as Route 53 spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangePropagation>))]
public enum ChangePropagation
{
    /// <summary>Not yet on every authoritative server.</summary>
    [JsonStringEnumMemberName("PENDING")]
    Pending,

    /// <summary>On every authoritative server.</summary>
    [JsonStringEnumMemberName("INSYNC")]
    InSync,
}
