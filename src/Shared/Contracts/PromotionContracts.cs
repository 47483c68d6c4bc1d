using System.Text.Json.Serialization;
using DrLambdas.Shared.Decisions;

namespace DrLambdas.Shared.Contracts;

/// <summary>AuroraPromoter <c>start</c> input.</summary>
/// <param name="Operation">Always <c>start</c>.</param>
/// <param name="IncidentId">Named in the logs.</param>
/// <param name="Action"><c>Switchover</c> or <c>Failover</c>.</param>
/// <param name="TargetRegion">The Region of <paramref name="TargetClusterArn"/>.</param>
/// <param name="TargetClusterArn">The configured cluster to make the writer.</param>
/// <param name="AllowDataLoss">True exactly when <paramref name="Action"/> is <c>Failover</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PromotionStartRequest(
    string Operation,
    string IncidentId,
    string Action,
    string TargetRegion,
    string TargetClusterArn,
    bool AllowDataLoss);

/// <summary>AuroraPromoter <c>start</c> output.</summary>
/// <param name="Outcome">Started, AlreadyPrimary or InProgress.</param>
/// <param name="Action">The promotion asked for.</param>
/// <param name="TargetClusterArn">The cluster being made the writer.</param>
/// <param name="StartedAt">When this call started or joined the promotion; <c>status</c> measures from it.</param>
public sealed record PromotionStartResponse(
    PromotionOutcome Outcome,
    DecisionAction Action,
    string TargetClusterArn,
    DateTimeOffset StartedAt);

/// <summary>What <c>start</c> found or did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PromotionOutcome>))]
public enum PromotionOutcome
{
    /// <summary>This call started the switchover or failover.</summary>
    Started,

    /// <summary>The target already is the writer; nothing was called.</summary>
    AlreadyPrimary,

    /// <summary>An operation toward the target was already under way; nothing new was started.</summary>
    InProgress,
}

/// <summary>AuroraPromoter <c>status</c> input.</summary>
/// <param name="Operation">Always <c>status</c>.</param>
/// <param name="TargetClusterArn">The cluster being made the writer.</param>
/// <param name="StartedAt"><c>start</c>'s <c>startedAt</c>.</param>
/// <param name="IncidentId">Optional incident id for the logs.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PromotionStatusRequest(
    string Operation,
    string TargetClusterArn,
    DateTimeOffset StartedAt,
    string? IncidentId = null);

/// <summary>AuroraPromoter <c>status</c> output.</summary>
/// <param name="Status">InProgress, Completed, NotPromoted or Failed.</param>
/// <param name="TargetClusterArn">The cluster being made the writer.</param>
/// <param name="StartedAt">As given.</param>
/// <param name="ElapsedSeconds">Since <paramref name="StartedAt"/>.</param>
/// <param name="WriterEndpoint">The global writer endpoint, when RDS reports one.</param>
/// <param name="TimedOut">Still in progress after <c>DR_PROMOTION_TIMEOUT_SECONDS</c>.</param>
/// <param name="Detail">What RDS reports, in words.</param>
/// <param name="Promoted">
/// Whether the target cluster holds the global writer at this reading (put there by this promotion or already
/// there). False with <see cref="PromotionState.NotPromoted"/>: the writer never moved.
/// </param>
public sealed record PromotionStatusResponse(
    PromotionState Status,
    string TargetClusterArn,
    DateTimeOffset StartedAt,
    double ElapsedSeconds,
    string? WriterEndpoint,
    bool TimedOut,
    string Detail,
    bool Promoted);

/// <summary>Progress of a promotion.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PromotionState>))]
public enum PromotionState
{
    /// <summary>Still running.</summary>
    InProgress,

    /// <summary>Target is the writer, no operation under way, cluster available.</summary>
    Completed,

    /// <summary>The operation ended without making the target the writer.</summary>
    Failed,

    /// <summary>
    /// No operation is under way any more and the writer is still the cluster being left (the switchover or
    /// failover was refused or cancelled, e.g. because the old primary died mid-way): nothing was promoted.
    /// </summary>
    NotPromoted,
}
