namespace DrLambdas.Shared.Decisions;

/// <summary>Never start a promotion while Aurora reports another one under way.</summary>
internal static class GlobalOperationRule
{
    /// <summary>True (with the reason recorded) when a global failover or switchover is in progress.</summary>
    public static bool OperationInProgress(DecisionContext context)
    {
        if (context.Input.GlobalCluster.OperationInProgress is not { } operation)
        {
            return false;
        }

        context.Add(
            ReasonCode.GlobalOperationInProgress,
            ReasonTexts.GlobalOperationInProgress(operation.Status),
            [Evidence.Of(operation)]);
        return true;
    }
}
