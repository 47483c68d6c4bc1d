namespace DrLambdas.DrLab.World;

/// <summary>One Step Functions execution as the lab records it.</summary>
internal sealed class Execution(string arn, string stateMachineArn, string name, string input, DateTimeOffset startDate)
{
    public string Arn { get; } = arn;

    public string StateMachineArn { get; } = stateMachineArn;

    public string Name { get; } = name;

    public string Input { get; } = input;

    public DateTimeOffset StartDate { get; set; } = startDate;

    /// <summary>RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED.</summary>
    public string Status { get; set; } = "RUNNING";

    public DateTimeOffset? StopDate { get; set; }

    public string? Output { get; set; }

    public string? Error { get; set; }

    public string? Cause { get; set; }

    /// <summary>The history the drill recorded (GetExecutionHistory), empty when it recorded none.</summary>
    public IReadOnlyList<HistoryEvent> History { get; set; } = [];
}
