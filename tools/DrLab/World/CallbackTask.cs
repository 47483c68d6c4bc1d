namespace DrLambdas.DrLab.World;

/// <summary>
/// A Task state waiting on a task token (the <c>.waitForTaskToken</c> pattern): the executor that runs the execution
/// registers it, SendTaskSuccess / SendTaskFailure complete it once, and it closes when it times out or its
/// execution stops.
/// </summary>
internal sealed class CallbackTask(string token, string executionArn, string stateMachineArn, string stateName, DateTimeOffset issuedAt)
{
    public string Token { get; } = token;

    public string ExecutionArn { get; } = executionArn;

    public string StateMachineArn { get; } = stateMachineArn;

    public string StateName { get; } = stateName;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    /// <summary>Waiting, Succeeded, Failed or TimedOut.</summary>
    public string Status { get; set; } = CallbackTaskRegistry.Waiting;

    public DateTimeOffset? LastHeartbeat { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Output { get; set; }

    public string? Error { get; set; }

    public string? Cause { get; set; }
}
