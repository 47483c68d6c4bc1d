namespace DrLambdas.Aws.StepFunctions;

/// <summary>The wire names of <see cref="ExecutionStatus"/> (<c>RUNNING</c>, <c>TIMED_OUT</c>...).</summary>
public static class ExecutionStatusNames
{
    /// <summary>The wire name of a known status.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ExecutionStatus.Unknown"/> or an undefined value.</exception>
    public static string ToWire(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        ExecutionStatus.Aborted => "ABORTED",
        ExecutionStatus.PendingRedrive => "PENDING_REDRIVE",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status Step Functions can filter by."),
    };

    /// <summary>The status for a wire name; <see cref="ExecutionStatus.Unknown"/> for names this client does not know.</summary>
    public static ExecutionStatus FromWire(string? name) => name switch
    {
        "RUNNING" => ExecutionStatus.Running,
        "SUCCEEDED" => ExecutionStatus.Succeeded,
        "FAILED" => ExecutionStatus.Failed,
        "TIMED_OUT" => ExecutionStatus.TimedOut,
        "ABORTED" => ExecutionStatus.Aborted,
        "PENDING_REDRIVE" => ExecutionStatus.PendingRedrive,
        _ => ExecutionStatus.Unknown,
    };
}
