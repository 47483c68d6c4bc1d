using System.Globalization;
using DrLambdas.Drctl.Output;

namespace DrLambdas.Drctl.Approvals;

/// <summary>An execution's request for approval, as the failover machine keeps it in SSM (INTERFACES.md).</summary>
/// <param name="TaskToken">The task token to answer.</param>
/// <param name="ExecutionArn">The waiting execution.</param>
/// <param name="ExpiresAt">When the wait times out; null when not stated.</param>
/// <param name="Decision">The action that waits for approval.</param>
internal sealed record ApprovalRequest(string TaskToken, string? ExecutionArn, DateTimeOffset? ExpiresAt, string? Decision)
{
    /// <summary>Reads the parameter value; null when it holds no task token.</summary>
    public static ApprovalRequest? Parse(string value)
    {
        var node = Json.Parse(value);
        var token = Json.Text(node, "taskToken");
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        DateTimeOffset? expires = DateTimeOffset.TryParse(
            Json.Text(node, "expiresAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
        return new ApprovalRequest(token, Json.Text(node, "executionArn"), expires, Json.Text(node, "decision"));
    }
}
