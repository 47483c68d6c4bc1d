using System.Text.Json;
using DrLambdas.Aws.Ssm;
using DrLambdas.Errors;
using DrLambdas.Functions.Common;
using DrLambdas.Runtime.Logging;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Errors;

namespace DrLambdas.HealthValidator.Operations;

/// <summary>
/// <c>approval-request</c> and <c>approval-close</c>: the failover machine's approval gate keeps the waiting Task's
/// token in an SSM SecureString named after the execution (<c>DR_APPROVAL_PARAMETER_PREFIX/NAME</c>), which only
/// approvers may read; the notice names the drctl commands, never the token. The parameter is deleted once the
/// execution stops waiting (approved, rejected or timed out).
/// </summary>
internal sealed class ApprovalOperation(DrConfiguration configuration, IParameterStore? parameters, TimeProvider time)
{
    /// <summary>Step Functions' limit on a task token's length.</summary>
    private const int MaxTokenLength = 2048;

    /// <summary>The longest wait the gate accepts (the template's ApprovalTimeoutSeconds maximum: a day).</summary>
    private const int MaxTimeoutSeconds = 86_400;

    public async Task<ApprovalRequestResponse> RequestAsync(ApprovalRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var token = ContractReader.NonBlank(request.TaskToken, "taskToken");
        if (token.Length > MaxTokenLength)
        {
            throw new InputValidationException("taskToken", $"must be at most {MaxTokenLength} characters");
        }

        var decision = ContractReader.NonBlank(request.Decision, "decision");
        if (request.TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            throw new InputValidationException("timeoutSeconds", $"must be between 1 and {MaxTimeoutSeconds}");
        }

        var (store, name) = Parameter(request.Execution);
        var requestedAt = time.GetUtcNow();
        var expiresAt = requestedAt.AddSeconds(request.TimeoutSeconds);
        var record = new ApprovalRecord(token, ContractReader.NonBlank(request.Execution.Id, "execution.id"), requestedAt, expiresAt, decision, [.. (request.Reasons ?? []).Select(reason => reason.Message)]);
        await store.PutAsync(name, JsonSerializer.Serialize(record, ContractsJsonContext.Default.ApprovalRecord), secure: true, overwrite: true, cancellationToken);
        invocation.Logger.Info($"Approval requested for {decision}", new LogField("parameter", name), new LogField("expiresAt", expiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        return new ApprovalRequestResponse(name, requestedAt, expiresAt);
    }

    public async Task<ApprovalCloseResponse> CloseAsync(ApprovalCloseRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var (store, name) = Parameter(request.Execution);
        var deleted = await store.DeleteAsync(name, cancellationToken);
        invocation.Logger.Info(deleted ? "Approval token deleted" : "Approval token already gone", new LogField("parameter", name));
        return new ApprovalCloseResponse(name, deleted);
    }

    /// <summary>The store and the execution's parameter name; a stack without approvals configured cannot take one.</summary>
    private (IParameterStore Store, string Name) Parameter(ExecutionReference execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var prefix = configuration.ApprovalParameterPrefix
            ?? throw new ConfigurationException([$"{EnvironmentVariables.ApprovalParameterPrefix}: required for approvals (the template sets it)"]);
        var store = parameters ?? throw new ConfigurationException(["HealthValidator: no Parameter Store client for approvals"]);
        return (store, $"{prefix}/{ContractReader.NonBlank(execution.Name, "execution.name")}");
    }
}
