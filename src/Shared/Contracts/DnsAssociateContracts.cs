using System.Text.Json.Serialization;

namespace DrLambdas.Shared.Contracts;

/// <summary>DnsUpdater <c>associate</c> input: gate each managed record with its Region's configured health check.</summary>
/// <param name="Operation">Always <c>associate</c>.</param>
/// <param name="RequestedBy">Who runs it (an operator, a deployment pipeline), named in the change batch comment.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DnsAssociateRequest(string Operation, string? RequestedBy = null);

/// <summary>DnsUpdater <c>associate</c> output.</summary>
/// <param name="ChangeIds">The one change of the batch, or empty when every record already had its health check.</param>
/// <param name="Status">PENDING after a change (follow it with <c>status</c>); INSYNC when nothing changed.</param>
/// <param name="SubmittedAt">When the change was accepted (or when nothing was to do).</param>
/// <param name="Changed">The records whose health check changed.</param>
/// <param name="Unchanged">How many managed records already carried their configured health check.</param>
public sealed record DnsAssociateResponse(
    IReadOnlyList<string> ChangeIds,
    ChangePropagation Status,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<HealthCheckAssociation> Changed,
    int Unchanged);

/// <summary>One record re-pointed by <c>associate</c>.</summary>
/// <param name="SetIdentifier">The record's set identifier.</param>
/// <param name="From">Its health check before (null: none).</param>
/// <param name="To">Its health check now.</param>
public sealed record HealthCheckAssociation(string SetIdentifier, string? From, string To);
