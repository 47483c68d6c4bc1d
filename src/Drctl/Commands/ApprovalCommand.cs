using System.Text.Json.Nodes;
using DrLambdas.Aws;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.Drctl.Approvals;
using DrLambdas.Drctl.Executions;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Services;
using Spectre.Console;

namespace DrLambdas.Drctl.Commands;

/// <summary>
/// <c>drctl approve|reject EXECUTION --reason TEXT</c>: reads the waiting execution's task token from its SSM
/// SecureString and answers it, as the caller (GetCallerIdentity) with the reason.
/// </summary>
internal sealed class ApprovalCommand(DrctlServices services, Terminal terminal)
{
    /// <summary>The error name SendTaskFailure carries for a rejection; the state machine's Catch matches it.</summary>
    public const string RejectedError = "ApprovalRejected";

    private static readonly HashSet<string> StaleToken = new(StringComparer.Ordinal)
    {
        "TaskTimedOut", "TaskDoesNotExist", "InvalidToken",
    };

    public async Task<int> RunAsync(string executionText, bool approve, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw DrctlException.Usage("--reason TEXT is required: it is recorded with the decision.");
        }

        var settings = services.Settings;
        var prefix = settings.ApprovalParameterPrefix
            ?? throw new DrctlException("configuration: DR_APPROVAL_PARAMETER_PREFIX is not set.", ExitCodes.ConfigurationError);
        var (execution, description) = await ExecutionLocator.FindAsync(executionText, settings, services.StepFunctions, cancellationToken);
        if (description.Status != StepFunctionsExecutionStatus.Running)
        {
            throw new DrctlException(
                $"execution {execution.Name} is {ExecutionStatusNames.ToWire(description.Status)}: there is nothing to {(approve ? "approve" : "reject")}.");
        }

        var identity = await services.Sts.GetCallerIdentityAsync(cancellationToken);
        var value = await services.Parameters.GetAsync($"{prefix}/{execution.Name}", decrypt: true, cancellationToken)
            ?? throw new DrctlException($"execution {execution.Name} is not waiting for approval (no request at {prefix}/{execution.Name}).");
        var request = ApprovalRequest.Parse(value)
            ?? throw new DrctlException($"the approval request at {prefix}/{execution.Name} holds no task token.");
        var now = services.TimeProvider.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            throw new DrctlException($"the approval request of {execution.Name} expired at {Json.Time(expires)}; the execution ends without acting.");
        }

        var answer = new JsonObject
        {
            [approve ? "approvedBy" : "rejectedBy"] = identity.Arn,
            ["reason"] = reason.Trim(),
            [approve ? "approvedAt" : "rejectedAt"] = Json.Time(now),
        };
        try
        {
            if (approve)
            {
                await services.StepFunctions.SendTaskSuccessAsync(request.TaskToken, answer.ToJsonString(), cancellationToken);
            }
            else
            {
                await services.StepFunctions.SendTaskFailureAsync(request.TaskToken, RejectedError, answer.ToJsonString(), cancellationToken);
            }
        }
        catch (AwsServiceException exception) when (StaleToken.Contains(exception.ErrorCode))
        {
            throw new DrctlException(
                $"the approval request of {execution.Name} is no longer open ({exception.ErrorCode}): it expired or was already answered.");
        }

        if (terminal.Json)
        {
            answer["executionArn"] = execution.Arn;
            answer["decision"] = approve ? "approved" : "rejected";
            terminal.WriteJson(answer);
        }
        else
        {
            terminal.Console.MarkupLine(approve
                ? $"[green]Approved[/] {Markup.Escape(execution.Name)} as {Markup.Escape(identity.Arn)}: it re-assesses the world, then acts. Follow: drctl watch {Markup.Escape(execution.Name)}"
                : $"[yellow]Rejected[/] {Markup.Escape(execution.Name)} as {Markup.Escape(identity.Arn)}: it ends without acting.");
        }

        return ExitCodes.Ok;
    }
}
