using DrLambdas.Shared.Decisions;

namespace DrLambdas.Shared.Contracts;

/// <summary>
/// HealthValidator <c>approval-request</c>: keeps the task token of an execution waiting for approval where only
/// approvers can read it (an SSM SecureString named after the execution).
/// </summary>
/// <param name="Operation"><c>approval-request</c>.</param>
/// <param name="TaskToken">The waiting Task's token (<c>$$.Task.Token</c>).</param>
/// <param name="Execution">The execution waiting.</param>
/// <param name="Decision">The decision waiting for approval (Escalate, Failover...).</param>
/// <param name="Reasons">The decision's reasons as the assessment wrote them.</param>
/// <param name="TimeoutSeconds">How long the execution waits (the Task's TimeoutSeconds).</param>
public sealed record ApprovalRequest(
    string Operation, string TaskToken, ExecutionReference Execution, string Decision, IReadOnlyList<Reason>? Reasons, int TimeoutSeconds);

/// <summary>Where the token is kept and until when the execution waits.</summary>
public sealed record ApprovalRequestResponse(string ParameterName, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt);

/// <summary>HealthValidator <c>approval-close</c>: deletes the execution's token parameter (approved, rejected or timed out).</summary>
public sealed record ApprovalCloseRequest(string Operation, ExecutionReference Execution);

/// <summary>Whether the parameter still existed.</summary>
public sealed record ApprovalCloseResponse(string ParameterName, bool Deleted);

/// <summary>
/// The SecureString's JSON (docs/contracts.md): what <c>drctl approve</c> / <c>reject</c> read to answer the waiting execution;
/// <c>reasons</c> are the decision's reason messages.
/// </summary>
public sealed record ApprovalRecord(
    string TaskToken, string ExecutionArn, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, string Decision, IReadOnlyList<string> Reasons);
