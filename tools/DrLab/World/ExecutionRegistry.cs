using System.Text.Json;
using System.Text.RegularExpressions;

namespace DrLambdas.DrLab.World;

/// <summary>
/// Step Functions executions of the deployed state machines. The lab does not run them: the drill runs the state
/// machine itself and tells the lab, through the control API, when an execution finished.
/// </summary>
internal sealed partial class ExecutionRegistry(Deployment deployment)
{
    /// <summary>Statuses an execution can end in.</summary>
    public static IReadOnlyList<string> FinalStatuses { get; } = ["SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"];

    private static readonly string[] AllStatuses = ["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"];

    private readonly List<Execution> _executions = [];

    public IReadOnlyList<Execution> All => _executions;

    public static bool IsStatus(string status) => AllStatuses.Contains(status, StringComparer.Ordinal);

    /// <summary>Throws InvalidArn or StateMachineDoesNotExist unless the ARN names a state machine created with CreateStateMachine.</summary>
    public void RequireStateMachine(string stateMachineArn)
    {
        var parts = stateMachineArn.Split(':');
        if (parts.Length != 7 || !string.Equals(parts[0], "arn", StringComparison.Ordinal)
            || !string.Equals(parts[2], "states", StringComparison.Ordinal)
            || !string.Equals(parts[5], "stateMachine", StringComparison.Ordinal))
        {
            throw new LabError("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {stateMachineArn}'");
        }

        if (deployment.FindStateMachine(stateMachineArn) is null)
        {
            throw new LabError("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{stateMachineArn}'");
        }
    }

    /// <summary>StartExecution: idempotent for the same name and input while running, else ExecutionAlreadyExists.</summary>
    public (Execution Execution, bool Created) Start(string stateMachineArn, string? name, string? input, DateTimeOffset now)
    {
        RequireStateMachine(stateMachineArn);
        var executionName = name ?? Guid.NewGuid().ToString();
        if (!NamePattern().IsMatch(executionName))
        {
            throw new LabError("InvalidName", $"Invalid Name: '{executionName}'");
        }

        var executionInput = input ?? "{}";
        try
        {
            using var _ = JsonDocument.Parse(executionInput);
        }
        catch (JsonException ex)
        {
            throw new LabError("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{ex.Message}'");
        }

        var arn = ExecutionArn(stateMachineArn, executionName);
        if (Find(arn) is { } existing)
        {
            if (string.Equals(existing.Status, "RUNNING", StringComparison.Ordinal)
                && string.Equals(existing.Input, executionInput, StringComparison.Ordinal))
            {
                return (existing, false);
            }

            throw new LabError("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");
        }

        var execution = new Execution(arn, stateMachineArn, executionName, executionInput, now);
        _executions.Add(execution);
        return (execution, true);
    }

    public Execution? Find(string executionArn) =>
        _executions.FirstOrDefault(e => string.Equals(e.Arn, executionArn, StringComparison.Ordinal));

    public Execution? FindByName(string name) =>
        _executions.LastOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    /// <summary>Executions of one state machine, newest first, optionally of one status.</summary>
    public IReadOnlyList<Execution> List(string stateMachineArn, string? status) => _executions
        .Where(e => string.Equals(e.StateMachineArn, stateMachineArn, StringComparison.Ordinal)
                    && (status is null || string.Equals(e.Status, status, StringComparison.Ordinal)))
        .OrderByDescending(e => e.StartDate)
        .ToList();

    /// <summary>Marks an execution finished (the control API's job, since the lab does not run state machines).</summary>
    public static void Finish(Execution execution, string status, DateTimeOffset stopDate, string? output, string? error, string? cause)
    {
        execution.Status = status;
        execution.StopDate = stopDate;
        execution.Output = output;
        execution.Error = error;
        execution.Cause = cause;
    }

    public static string ExecutionArn(string stateMachineArn, string name) =>
        stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;

    [GeneratedRegex(@"^[A-Za-z0-9_\-]{1,80}$")]
    private static partial Regex NamePattern();
}
