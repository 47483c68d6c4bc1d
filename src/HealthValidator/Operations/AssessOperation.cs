using DrLambdas.Functions.Common;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.HealthValidator.Reports;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Errors;
using DrLambdas.Shared.Rto;
using DrLambdas.Shared.Triggers;
using DrLambdas.Shared.Weights;

namespace DrLambdas.HealthValidator.Operations;

/// <summary><c>assess</c>: gathers the evidence about both Regions and decides what the state machine does.</summary>
internal sealed class AssessOperation(DrConfiguration configuration, EvidenceCollector collector, TimeProvider timeProvider)
{
    /// <summary>One datapoint per dry-run assessment, with the action the dry run decided (the game-day result).</summary>
    public const string DryRunsMetric = "DryRuns";

    public async Task<AssessResponse> HandleAsync(AssessRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var trigger = ParseTrigger(request);
        var execution = request.Execution;
        ContractReader.NonBlank(execution.Id, "execution.id");
        ContractReader.NonBlank(execution.Name, "execution.name");
        var incidentId = execution.IncidentId;
        ContractReader.NotInFuture(execution.StartTime, startedAt, "execution.startTime");

        var timeout = EvidenceBudget.PerSource(configuration.Probes.SourceTimeout, invocation.RemainingTime);
        var evidence = await collector.CollectAsync(timeout, cancellationToken);
        var decision = DecisionEngine.Decide(new DecisionInput(
            trigger,
            configuration,
            evidence.Signals,
            evidence.GlobalCluster,
            evidence.Replication,
            new ExecutionIdentity(execution.Id, execution.StartTime),
            evidence.RecentExecutions,
            evidence.CurrentWeights,
            timeProvider.GetUtcNow(),
            evidence.Pause)
        {
            ExtraSignals = evidence.ExtraSignals,
        });
        var desiredWeights = WeightPlanner.PlanWeights(decision, evidence.CurrentWeights, configuration);
        var path = BudgetPath(decision.Action);
        var budgets = new RtoBudgets(
            UserRtoBudgetCalculator.Serving(configuration.Rto, configuration.Policy.RtoTarget),
            UserRtoBudgetCalculator.Writes(configuration.Rto, configuration.Policy.RtoTarget, path),
            RtoBudgetCalculator.Compute(configuration.Rto, configuration.Policy.RtoTarget, path));
        var notice = AssessmentNotice.Compose(incidentId, trigger, decision, desiredWeights, budgets, evidence.Notes);
        var duration = timeProvider.GetElapsedTime(started);

        Report(invocation, decision, evidence, budgets, duration);
        return new AssessResponse(
            incidentId,
            startedAt,
            TriggerSummary.Of(trigger),
            DecisionDocument.Of(decision),
            desiredWeights,
            evidence.Signals,
            budgets.Actions,
            notice,
            (long)duration.TotalMilliseconds,
            budgets.Serving,
            budgets.Writes);
    }

    /// <summary>The trigger section, with parser errors located under <c>trigger</c>.</summary>
    private static Trigger ParseTrigger(AssessRequest request)
    {
        try
        {
            return TriggerParser.Parse(request.Trigger);
        }
        catch (InputValidationException exception)
        {
            var field = exception.Field == "$" ? "trigger" : "trigger." + exception.Field;
            throw new InputValidationException(field, exception.Problem, exception);
        }
    }

    private static DecisionAction BudgetPath(DecisionAction action) =>
        action is DecisionAction.Switchover or DecisionAction.DrainSecondary ? action : DecisionAction.Failover;

    private static void Report(Invocation invocation, Decision decision, EvidenceSnapshot evidence, RtoBudgets budgets, TimeSpan duration)
    {
        invocation.Logger.Info(
            $"Decided {decision.Action}",
            new LogField("action", decision.Action.ToString()),
            new LogField("failedRegion", decision.FailedRegion),
            new LogField("targetRegion", decision.TargetRegion),
            new LogField("dryRun", decision.DryRun),
            new LogField("forced", decision.Forced),
            new LogField("reasons", decision.Reasons.Select(reason => reason.Code.ToString()).ToList()),
            new LogField("unknownSignals", evidence.Signals.Count(signal => signal.Verdict == Verdict.Unknown)));
        foreach (var note in evidence.Notes)
        {
            invocation.Logger.Warn($"Evidence gap: {note}");
        }

        var action = new MetricDimension("Action", decision.Action.ToString());
        invocation.WriteMetric("Decisions", 1, MetricUnit.Count, action);
        invocation.WriteMetric("AssessmentDuration", duration.TotalMilliseconds, MetricUnit.Milliseconds);
        if (decision.DryRun)
        {
            // A dry run (the monthly game day) is a result of its own on the dashboard: what recovery would do now.
            invocation.WriteMetric(DryRunsMetric, 1, MetricUnit.Count, action);
        }

        invocation.WriteMetric("RtoBudget", budgets.Actions.TotalSeconds, MetricUnit.Seconds, action);
        invocation.WriteMetric("ServingRtoBudget", budgets.Serving.TotalSeconds, MetricUnit.Seconds, action);
        invocation.WriteMetric("WriteRtoBudget", budgets.Writes.TotalSeconds, MetricUnit.Seconds, action);
        if (decision.Action == DecisionAction.Failover && decision.EstimatedDataLossSeconds is { } loss)
        {
            invocation.WriteMetric("EstimatedDataLoss", loss, MetricUnit.Seconds, action);
        }
    }
}
