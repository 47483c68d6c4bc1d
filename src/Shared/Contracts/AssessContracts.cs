using System.Text.Json;
using System.Text.Json.Serialization;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Pause;
using DrLambdas.Shared.Rto;
using DrLambdas.Shared.Triggers;

namespace DrLambdas.Shared.Contracts;

/// <summary>HealthValidator <c>assess</c> input: <c>{"operation":"assess","trigger":{...},"execution":{...}}</c>.</summary>
/// <param name="Operation">Always <c>assess</c>.</param>
/// <param name="Trigger">The execution input as received: an EventBridge alarm event or a manual document.</param>
/// <param name="Execution">The execution deciding now.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AssessRequest(string Operation, JsonElement Trigger, ExecutionReference Execution);

/// <summary>HealthValidator <c>assess</c> output: the decision with its reasons, evidence and RTO budget.</summary>
/// <param name="IncidentId"><c>dr-&lt;execution name&gt;</c>.</param>
/// <param name="AssessedAt">When the assessment started.</param>
/// <param name="Trigger">What started the execution.</param>
/// <param name="Decision">What to do and why.</param>
/// <param name="DesiredWeights">The weights the DNS step converges to; empty when traffic does not move.</param>
/// <param name="Signals">Every health observation of both Regions, including unknown ones.</param>
/// <param name="RtoBudget">The recovery actions' time the configuration allows on this path (detection, decision,
/// promotion beside DNS).</param>
/// <param name="Notice">Subject and message for the SNS notification of this decision.</param>
/// <param name="DurationMs">How long the assessment took.</param>
/// <param name="ServingRtoBudget">Incident → reads served again: health-check detection + the records' TTL (absent
/// from documents written before it existed).</param>
/// <param name="WriteRtoBudget">Incident → writes succeed again: the configured trigger's detection, decision,
/// promotion, the global writer endpoint's re-point and the application's reconnection.</param>
public sealed record AssessResponse(
    string IncidentId,
    DateTimeOffset AssessedAt,
    TriggerSummary Trigger,
    DecisionDocument Decision,
    IReadOnlyList<RecordWeight> DesiredWeights,
    IReadOnlyList<HealthSignal> Signals,
    RtoBudget RtoBudget,
    Notice Notice,
    long DurationMs,
    RtoBudget? ServingRtoBudget = null,
    RtoBudget? WriteRtoBudget = null);

/// <summary>The trigger as the assessment understood it.</summary>
/// <param name="Kind">Alarm or manual.</param>
/// <param name="Mode">What the trigger asks for.</param>
/// <param name="AlarmName">The alarm (alarm triggers).</param>
/// <param name="Reason">The operator's reason or the alarm's state reason.</param>
/// <param name="RequestedBy">Who asked (manual triggers).</param>
/// <param name="Force">Whether the operator forced the gates.</param>
public sealed record TriggerSummary(
    TriggerKind Kind,
    TriggerMode Mode,
    string? AlarmName,
    string? Reason,
    string? RequestedBy,
    bool Force)
{
    /// <summary>The summary of a parsed trigger.</summary>
    public static TriggerSummary Of(Trigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return new TriggerSummary(trigger.Kind, trigger.Mode, trigger.AlarmName, trigger.Reason, trigger.RequestedBy, trigger.Force);
    }
}

/// <summary>The <c>decision</c> section of the assessment; the state machine routes on <see cref="Action"/>.</summary>
/// <param name="Action">What to do.</param>
/// <param name="FailedRegion">The Region traffic moves away from.</param>
/// <param name="TargetRegion">The Region traffic moves to.</param>
/// <param name="TargetClusterArn">The cluster to promote (Switchover and Failover only).</param>
/// <param name="GlobalClusterId">The Aurora global cluster.</param>
/// <param name="AllowDataLoss">True only for Failover.</param>
/// <param name="EstimatedDataLossSeconds">0 for Switchover, the RPO lag for Failover, null otherwise or unmeasured.</param>
/// <param name="Forced">An operator's force bypassed a gate.</param>
/// <param name="DryRun">Report only.</param>
/// <param name="Reasons">Why, in evaluation order, each with its evidence.</param>
/// <param name="DrainFirst">Failover only: the DNS pin runs (and must land) before the promotion, because Route 53's
/// checkers do not see the failed Region unhealthy and the pin alone drains and fences it.</param>
/// <param name="Pause">The pause of automatic failover as read for this decision (NotConfigured when none is set up).</param>
public sealed record DecisionDocument(
    DecisionAction Action,
    string? FailedRegion,
    string? TargetRegion,
    string? TargetClusterArn,
    string GlobalClusterId,
    bool AllowDataLoss,
    double? EstimatedDataLossSeconds,
    bool Forced,
    bool DryRun,
    IReadOnlyList<Reason> Reasons,
    bool DrainFirst = false,
    PauseSummary? Pause = null)
{
    /// <summary>The document of a decision.</summary>
    public static DecisionDocument Of(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionDocument(
            decision.Action,
            decision.FailedRegion,
            decision.TargetRegion,
            decision.TargetClusterArn,
            decision.GlobalClusterId,
            decision.AllowDataLoss,
            decision.EstimatedDataLossSeconds,
            decision.Forced,
            decision.DryRun,
            decision.Reasons,
            decision.DrainFirst,
            PauseSummary.Of(decision.Pause ?? PauseState.NotConfigured));
    }
}

/// <summary>An SNS notification: <paramref name="Subject"/> is ASCII and under 100 characters.</summary>
/// <param name="Subject">The e-mail subject.</param>
/// <param name="Message">Plain text.</param>
public sealed record Notice(string Subject, string Message);
