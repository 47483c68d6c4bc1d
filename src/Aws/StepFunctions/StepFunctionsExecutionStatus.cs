namespace DrLambdas.Aws.StepFunctions;

/// <summary>Status of a Step Functions execution.</summary>
public enum StepFunctionsExecutionStatus
{
    /// <summary>A status this client does not know (newer than its model).</summary>
    Unknown,

    /// <summary><c>RUNNING</c>.</summary>
    Running,

    /// <summary><c>SUCCEEDED</c>.</summary>
    Succeeded,

    /// <summary><c>FAILED</c>.</summary>
    Failed,

    /// <summary><c>TIMED_OUT</c>.</summary>
    TimedOut,

    /// <summary><c>ABORTED</c>.</summary>
    Aborted,

    /// <summary><c>PENDING_REDRIVE</c>.</summary>
    PendingRedrive,
}
