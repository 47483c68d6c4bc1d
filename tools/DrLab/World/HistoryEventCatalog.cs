namespace DrLambdas.DrLab.World;

/// <summary>
/// The HistoryEvent vocabulary of the Step Functions API (2016-11-23): event types and the names of the details
/// objects an event may carry.
/// </summary>
internal static class HistoryEventCatalog
{
    /// <summary>AWS's hard quota on the events of one execution's history.</summary>
    public const int MaxEvents = 25_000;

    /// <summary>Details members holding execution data (JSON text), omitted when includeExecutionData is false.</summary>
    public static IReadOnlySet<string> DataMembers { get; } = new HashSet<string>(["input", "output"], StringComparer.Ordinal);

    /// <summary>Details members that must hold JSON text when present.</summary>
    public static IReadOnlySet<string> JsonMembers { get; } = new HashSet<string>(["input", "output", "parameters"], StringComparer.Ordinal);

    public static IReadOnlySet<string> Types { get; } = new HashSet<string>(
        [
            "ActivityFailed", "ActivityScheduled", "ActivityScheduleFailed", "ActivityStarted", "ActivitySucceeded", "ActivityTimedOut",
            "ChoiceStateEntered", "ChoiceStateExited",
            "ExecutionAborted", "ExecutionFailed", "ExecutionStarted", "ExecutionSucceeded", "ExecutionTimedOut", "ExecutionRedriven",
            "FailStateEntered",
            "LambdaFunctionFailed", "LambdaFunctionScheduled", "LambdaFunctionScheduleFailed", "LambdaFunctionStarted",
            "LambdaFunctionStartFailed", "LambdaFunctionSucceeded", "LambdaFunctionTimedOut",
            "MapIterationAborted", "MapIterationFailed", "MapIterationStarted", "MapIterationSucceeded",
            "MapStateAborted", "MapStateEntered", "MapStateExited", "MapStateFailed", "MapStateStarted", "MapStateSucceeded",
            "MapRunAborted", "MapRunFailed", "MapRunStarted", "MapRunSucceeded", "MapRunRedriven",
            "ParallelStateAborted", "ParallelStateEntered", "ParallelStateExited", "ParallelStateFailed", "ParallelStateStarted",
            "ParallelStateSucceeded",
            "PassStateEntered", "PassStateExited", "SucceedStateEntered", "SucceedStateExited",
            "TaskFailed", "TaskScheduled", "TaskStarted", "TaskStartFailed", "TaskStateAborted", "TaskStateEntered", "TaskStateExited",
            "TaskSubmitFailed", "TaskSubmitted", "TaskSucceeded", "TaskTimedOut",
            "WaitStateAborted", "WaitStateEntered", "WaitStateExited",
            "EvaluationFailed",
        ],
        StringComparer.Ordinal);

    public static IReadOnlySet<string> DetailsNames { get; } = new HashSet<string>(
        [
            "activityFailedEventDetails", "activityScheduleFailedEventDetails", "activityScheduledEventDetails",
            "activityStartedEventDetails", "activitySucceededEventDetails", "activityTimedOutEventDetails",
            "taskFailedEventDetails", "taskScheduledEventDetails", "taskStartFailedEventDetails", "taskStartedEventDetails",
            "taskSubmitFailedEventDetails", "taskSubmittedEventDetails", "taskSucceededEventDetails", "taskTimedOutEventDetails",
            "executionFailedEventDetails", "executionStartedEventDetails", "executionSucceededEventDetails",
            "executionAbortedEventDetails", "executionTimedOutEventDetails", "executionRedrivenEventDetails",
            "mapStateStartedEventDetails", "mapIterationStartedEventDetails", "mapIterationSucceededEventDetails",
            "mapIterationFailedEventDetails", "mapIterationAbortedEventDetails",
            "lambdaFunctionFailedEventDetails", "lambdaFunctionScheduleFailedEventDetails", "lambdaFunctionScheduledEventDetails",
            "lambdaFunctionStartFailedEventDetails", "lambdaFunctionSucceededEventDetails", "lambdaFunctionTimedOutEventDetails",
            "stateEnteredEventDetails", "stateExitedEventDetails",
            "mapRunStartedEventDetails", "mapRunFailedEventDetails", "mapRunRedrivenEventDetails", "evaluationFailedEventDetails",
        ],
        StringComparer.Ordinal);
}
