namespace DrLambdas.Aws.StepFunctions;

/// <summary>Pagination helpers over <see cref="IStepFunctionsClient"/>.</summary>
public static class StepFunctionsClientExtensions
{
    /// <summary>Lists executions across pages, newest first, stopping after <paramref name="maxItems"/>.</summary>
    public static async Task<IReadOnlyList<ExecutionSummary>> ListAllExecutionsAsync(
        this IStepFunctionsClient client,
        string stateMachineArn,
        StepFunctionsExecutionStatus? statusFilter = null,
        int maxItems = 1000,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var all = new List<ExecutionSummary>();
        string? nextToken = null;
        do
        {
            var pageSize = Math.Min(1000, maxItems - all.Count);
            var page = await client.ListExecutionsAsync(
                new ListExecutionsRequest(stateMachineArn, statusFilter, pageSize, nextToken), cancellationToken);
            all.AddRange(page.Executions.Take(maxItems - all.Count));
            nextToken = page.NextToken;
        }
        while (nextToken is not null && all.Count < maxItems);

        return all;
    }
}
