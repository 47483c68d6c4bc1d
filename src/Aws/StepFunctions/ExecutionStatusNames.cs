namespace DrLambdas.Aws.StepFunctions;

/// <summary>The wire names of <see cref="StepFunctionsExecutionStatus"/> (<c>RUNNING</c>, <c>TIMED_OUT</c>...).</summary>
public static class ExecutionStatusNames
{
    /// <summary>The wire name of a known status.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="StepFunctionsExecutionStatus.Unknown"/> or an undefined value.</exception>
    public static string ToWire(StepFunctionsExecutionStatus status) => status switch
    {
        StepFunctionsExecutionStatus.Running => "RUNNING",
        StepFunctionsExecutionStatus.Succeeded => "SUCCEEDED",
        StepFunctionsExecutionStatus.Failed => "FAILED",
        StepFunctionsExecutionStatus.TimedOut => "TIMED_OUT",
        StepFunctionsExecutionStatus.Aborted => "ABORTED",
        StepFunctionsExecutionStatus.PendingRedrive => "PENDING_REDRIVE",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status Step Functions can filter by."),
    };

    /// <summary>The status for a wire name; <see cref="StepFunctionsExecutionStatus.Unknown"/> for names this client does not know.</summary>
    public static StepFunctionsExecutionStatus FromWire(string? name) => name switch
    {
        "RUNNING" => StepFunctionsExecutionStatus.Running,
        "SUCCEEDED" => StepFunctionsExecutionStatus.Succeeded,
        "FAILED" => StepFunctionsExecutionStatus.Failed,
        "TIMED_OUT" => StepFunctionsExecutionStatus.TimedOut,
        "ABORTED" => StepFunctionsExecutionStatus.Aborted,
        "PENDING_REDRIVE" => StepFunctionsExecutionStatus.PendingRedrive,
        _ => StepFunctionsExecutionStatus.Unknown,
    };
}
