namespace DrLambdas.Shared.Domain;

/// <summary>A global failover or switchover that RDS reports as under way (<c>FailoverState</c>).</summary>
/// <param name="Status">RDS status, e.g. <c>pending</c>, <c>failing-over</c>, <c>switching-over</c>.</param>
/// <param name="FromClusterArn">The cluster losing the writer role.</param>
/// <param name="ToClusterArn">The cluster becoming the writer.</param>
/// <param name="IsDataLossAllowed">Whether it is a failover with data loss.</param>
public sealed record GlobalOperation(
    string Status,
    string FromClusterArn,
    string ToClusterArn,
    bool IsDataLossAllowed);
