using System.Globalization;
using DrLambdas.Aws.Rds;
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
using DrLambdas.Shared.Triggers;

namespace DrLambdas.HealthValidator.Operations;

/// <summary>
/// <c>verify</c>: as soon as the database is promoted, checks that the target Region is healthy and that the
/// target cluster is the writer, reads where the DNS pin stands (never waits for it), then writes the incident
/// report with the RTO measured to the promotion done.
/// </summary>
internal sealed class VerifyOperation(
    DrConfiguration configuration,
    IHealthProbe probe,
    IRdsClient rds,
    PinReader pins,
    SourceRunner runner,
    TimeProvider timeProvider)
{
    public const string TargetHealthy = "target-healthy";
    public const string TargetWriter = "target-writer";
    public const string PromotionCompleted = "promotion-completed";

    public async Task<VerifyResponse> HandleAsync(VerifyRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var document = request.Document;
        var decision = document.Assessment.Decision;
        if (decision.Action is not (DecisionAction.Switchover or DecisionAction.Failover or DecisionAction.DrainSecondary))
        {
            throw new InputValidationException("document.assessment.decision.action",
                $"verify checks the result of a recovery action, but the decision was {decision.Action}");
        }

        var target = configuration.Topology.Find(decision.TargetRegion)
            ?? throw new InputValidationException("document.assessment.decision.targetRegion",
                $"'{decision.TargetRegion}' is not a managed Region ({configuration.Topology.Primary.Region}, {configuration.Topology.Secondary.Region})");
        var movesWriter = decision.Action != DecisionAction.DrainSecondary;
        var timeout = EvidenceBudget.PerSource(configuration.Probes.SourceTimeout, invocation.RemainingTime);

        var health = CheckTargetHealthAsync(target, timeout, cancellationToken);
        var writer = movesWriter ? CheckWriterAsync(decision, target, timeout, cancellationToken) : null;
        var pin = pins.ReadAsync(document.Assessment.DesiredWeights, timeout, cancellationToken);

        var checks = new List<VerificationCheck> { await health };
        if (writer is not null)
        {
            checks.Add(await writer);
            checks.Add(CheckPromotion(document.Actions?.Promotion));
        }

        var reading = await pin;
        var pinReport = reading.Landed
            ? new PinReport(PinState.Landed, reading.Detail)
            : new PinReport(PinState.Pending, $"traffic held by health checks only; pin pending, being retried ({reading.Detail})");
        var report = IncidentReport.Compose(document, ParseTrigger(document), checks, pinReport, (int)Math.Ceiling(configuration.Policy.RtoTarget.TotalSeconds), timeProvider.GetUtcNow());
        Report(invocation, decision, report);
        return report;
    }

    private async Task<VerificationCheck> CheckTargetHealthAsync(RegionSite target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = await probe.ProbeAsync(target, timeout, cancellationToken);
        return new VerificationCheck(TargetHealthy, signal.Verdict == Verdict.Healthy, $"{target.Region} probe {signal.Verdict}: {signal.Detail}");
    }

    private async Task<VerificationCheck> CheckWriterAsync(DecisionDocument decision, RegionSite target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var globalId = configuration.Topology.GlobalClusterId;
        var result = await runner.RunAsync(ct => rds.DescribeGlobalClustersAsync(globalId, target.Region, ct), timeout, cancellationToken);
        if (!result.Succeeded)
        {
            return new VerificationCheck(TargetWriter, false, $"global cluster {globalId} unreadable through {target.Region}: {result.Failure}");
        }

        if (result.Value!.WithIdentifier(globalId) is not { } cluster)
        {
            return new VerificationCheck(TargetWriter, false, $"global cluster {globalId} not found");
        }

        var writerArn = cluster.Writer?.DbClusterArn;
        var operation = cluster.OperationUnderWay;
        var passed = string.Equals(writerArn, decision.TargetClusterArn, StringComparison.Ordinal) && operation is null;
        var pending = operation is null ? string.Empty : $"; {operation.Status} toward {operation.ToDbClusterArn ?? string.Empty} still under way";
        return new VerificationCheck(TargetWriter, passed, $"writer is {writerArn ?? "not reported"} (expected {decision.TargetClusterArn}){pending}");
    }

    private static VerificationCheck CheckPromotion(PromotionReport? promotion) => promotion switch
    {
        null => new VerificationCheck(PromotionCompleted, false, "the execution document has no promotion result"),
        { Status: PromotionState.Completed } => new VerificationCheck(PromotionCompleted, true,
            string.Create(CultureInfo.InvariantCulture, $"completed after {promotion.ElapsedSeconds ?? 0:0.###} s; writer endpoint {promotion.WriterEndpoint ?? "not reported"}")),
        { Outcome: PromotionOutcome.AlreadyPrimary, Status: null } => new VerificationCheck(PromotionCompleted, true, "the target already was the writer"),
        _ => new VerificationCheck(PromotionCompleted, false, $"last promotion report: {promotion.Status?.ToString() ?? promotion.Outcome?.ToString()} {promotion.Detail}".TrimEnd()),
    };

    private static Trigger? ParseTrigger(ExecutionDocument document)
    {
        try
        {
            return TriggerParser.Parse(document.Trigger);
        }
        catch (InputValidationException)
        {
            return null;
        }
    }

    private static void Report(Invocation invocation, DecisionDocument decision, VerifyResponse report)
    {
        invocation.Logger.Info(
            $"Recovery {report.Outcome}",
            new LogField("outcome", report.Outcome.ToString()),
            new LogField("action", decision.Action.ToString()),
            new LogField("failedChecks", report.Checks.Where(check => !check.Passed).Select(check => check.Name).ToList()),
            new LogField("pin", report.Pin.State.ToString()),
            new LogField("rtoSeconds", report.Rto.MeasuredSeconds),
            new LogField("rtoMeasuredTo", report.Rto.MeasuredTo.ToString()));
        var action = new MetricDimension("Action", decision.Action.ToString());
        invocation.WriteMetric("Rto", report.Rto.MeasuredSeconds, MetricUnit.Seconds, action);
        invocation.WriteMetric("Recoveries", 1, MetricUnit.Count, action, new MetricDimension("Outcome", report.Outcome.ToString()));
        if (decision.Action == DecisionAction.Failover && report.DataLoss.EstimatedSeconds is { } loss)
        {
            invocation.WriteMetric("EstimatedDataLoss", loss, MetricUnit.Seconds, action);
        }
    }
}

