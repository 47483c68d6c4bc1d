using DrLambdas.Aws.StepFunctions;

namespace DrLambdas.Drctl.Executions;

/// <summary>
/// Follows an execution by polling <c>GetExecutionHistory</c>: every new event is handed to the caller as it
/// appears, until the execution stops; then its final description is returned. Cancelling only stops the polling.
/// </summary>
internal sealed class ExecutionFollower(IStepFunctionsClient stepFunctions, TimeProvider timeProvider, TimeSpan pollInterval)
{
    private static readonly HashSet<string> TerminalEvents = new(StringComparer.Ordinal)
    {
        "ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut",
    };

    /// <summary>Polls until the execution stops; <paramref name="onPoll"/> runs after each poll with the events so far.</summary>
    public async Task<ExecutionDescription> FollowAsync(
        string executionArn,
        Func<HistoryEvent, Task> onEvent,
        Func<IReadOnlyList<HistoryEvent>, Task>? onPoll,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        var seen = new List<HistoryEvent>();
        var lastId = 0L;
        while (true)
        {
            var stopped = false;
            foreach (var item in await ReadAllAsync(executionArn, cancellationToken))
            {
                if (item.Id <= lastId)
                {
                    continue;
                }

                lastId = item.Id;
                seen.Add(item);
                await onEvent(item);
                stopped |= TerminalEvents.Contains(item.Type);
            }

            if (onPoll is not null)
            {
                await onPoll(seen);
            }

            var description = await stepFunctions.DescribeExecutionAsync(executionArn, cancellationToken);
            if (stopped || description.Status != StepFunctionsExecutionStatus.Running)
            {
                if (!stopped)
                {
                    // The history may hold events written between the last read and the stop.
                    foreach (var item in (await ReadAllAsync(executionArn, cancellationToken)).Where(e => e.Id > lastId))
                    {
                        seen.Add(item);
                        await onEvent(item);
                    }
                }

                return description;
            }

            await Task.Delay(pollInterval, timeProvider, cancellationToken);
        }
    }

    /// <summary>Every event of the execution so far, oldest first.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> ReadAllAsync(string executionArn, CancellationToken cancellationToken)
    {
        var events = new List<HistoryEvent>();
        string? nextToken = null;
        do
        {
            var page = await stepFunctions.GetExecutionHistoryAsync(
                new GetExecutionHistoryRequest(executionArn, ReverseOrder: false, MaxResults: 1000, NextToken: nextToken), cancellationToken);
            events.AddRange(page.Events);
            nextToken = page.NextToken;
        }
        while (nextToken is not null);

        return events;
    }
}
