using DrLambdas.Shared.Configuration;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Moving the writer (and traffic) from one Region to the other. Gates, in order: one acting execution,
/// no global operation under way, no partition, quorum, healthy target, already converged, known execution
/// history, cooldown, then switchover before failover, the counter-vote and the data-loss budget.
/// </summary>
internal static class MoveWriterPath
{
    public static Decision Decide(DecisionContext context, RegionSite from, RegionSite target, MoveIntent intent)
    {
        var isFailback = intent == MoveIntent.Failback;
        Decision Finish(DecisionAction action, double? loss = null) => context.Finish(action, from, target, isFailback, loss);

        if (ConcurrencyRule.DefersToEarlierExecution(context))
        {
            return Finish(DecisionAction.None);
        }

        if (GlobalOperationRule.OperationInProgress(context))
        {
            return Finish(DecisionAction.Escalate);
        }

        // An automatic trigger during a partition is not a DR event: the world outside still sees the Region
        // serving. A human who asked for a move is told why it is refused.
        if (PartitionRule.LooksLikePartition(context, from.Region))
        {
            return Finish(intent == MoveIntent.Automatic ? DecisionAction.None : DecisionAction.Escalate);
        }

        if (intent is MoveIntent.Automatic or MoveIntent.Failover
            && !QuorumRule.IsDown(context, from.Region, ReasonCode.PrimaryDownByQuorum, ReasonCode.PrimaryNotDownByQuorum))
        {
            if (intent == MoveIntent.Automatic)
            {
                return Finish(DecisionAction.None);
            }

            if (!context.ForceRequested)
            {
                return Finish(DecisionAction.Escalate);
            }

            context.Override(ReasonTexts.Gates.Quorum);
        }

        if (!TargetHealthRule.IsHealthy(context, target))
        {
            return Finish(DecisionAction.Abort);
        }

        if (ConvergenceRule.TargetIsWriter(context, target))
        {
            return ConvergenceRule.Converged(context, from, target, isFailback)
                ? Finish(DecisionAction.None)
                : Finish(DecisionAction.DrainSecondary);
        }

        if (ConcurrencyRule.HistoryUnknown(context))
        {
            return Finish(DecisionAction.Escalate);
        }

        if (CooldownRule.IsActive(context))
        {
            if (!context.ForceRequested)
            {
                return Finish(DecisionAction.Escalate);
            }

            context.Override(ReasonTexts.Gates.Cooldown);
        }

        if (DatabaseRule.CanSwitchover(context, from, target))
        {
            return Finish(DecisionAction.Switchover);
        }

        if (intent is MoveIntent.Switchover or MoveIntent.Failback)
        {
            context.Add(ReasonCode.SwitchoverRequired, ReasonTexts.SwitchoverRequired(context.Input.Trigger.Mode));
            return Finish(DecisionAction.Escalate);
        }

        if (CounterVoteRule.VetoesDataLoss(context, from))
        {
            return Finish(DecisionAction.Escalate);
        }

        return FailoverWithinBudget(context, target, Finish);
    }

    private static Decision FailoverWithinBudget(DecisionContext context, RegionSite target, Func<DecisionAction, double?, Decision> finish)
    {
        var lagSeconds = context.Input.Replication.RpoLag?.TotalSeconds;
        switch (DataLossRule.Evaluate(context, target))
        {
            case DataLossRule.Verdict.WithinBudget:
                return finish(DecisionAction.Failover, lagSeconds);
            case DataLossRule.Verdict.BeyondBudget when context.ForceRequested:
                context.Override(ReasonTexts.Gates.DataLossBudget);
                return finish(DecisionAction.Failover, lagSeconds);
            case DataLossRule.Verdict.Unknown when context.ForceRequested:
                context.Override(ReasonTexts.Gates.DataLossMeasurement);
                return finish(DecisionAction.Failover, null);
            default:
                return finish(DecisionAction.Escalate, null);
        }
    }
}
