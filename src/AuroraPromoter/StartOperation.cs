using DrLambdas.Aws;
using DrLambdas.Aws.Rds;
using DrLambdas.Functions.Common;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Errors;

namespace DrLambdas.AuroraPromoter;

/// <summary>
/// <c>start</c>, convergent: re-reads the global cluster first; the target already writer → AlreadyPrimary, an
/// operation toward it already running → InProgress; otherwise <c>SwitchoverGlobalCluster</c>, or
/// <c>FailoverGlobalCluster</c> with <c>AllowDataLoss</c>, as the decision says.
/// </summary>
internal sealed class StartOperation(DrConfiguration configuration, IRdsClient rds, TimeProvider timeProvider)
{
    /// <summary>What RDS answers when a global operation is already under way (among other invalid states).</summary>
    public const string InvalidGlobalClusterState = "InvalidGlobalClusterStateFault";

    private readonly GlobalClusterReader _reader = new(rds, configuration.Topology);

    public async Task<PromotionStartResponse> HandleAsync(PromotionStartRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var target = PromotionTarget.From(request, configuration.Topology);
        var startedAt = timeProvider.GetUtcNow();
        var before = await _reader.ReadAsync(target.Site.Region, cancellationToken);
        var outcome = Converged(before, target) ?? await StartAsync(target, cancellationToken);

        invocation.Logger.Info(
            $"Promotion of {target.ClusterArn}: {outcome}",
            new LogField("outcome", outcome.ToString()),
            new LogField("action", target.Action.ToString()),
            new LogField("targetRegion", target.Site.Region),
            new LogField("targetClusterArn", target.ClusterArn));
        invocation.WriteMetric("PromotionStarts", 1, MetricUnit.Count,
            new MetricDimension("Action", target.Action.ToString()), new MetricDimension("Outcome", outcome.ToString()));
        return new PromotionStartResponse(outcome, target.Action, target.ClusterArn, startedAt);
    }

    /// <summary>The outcome when nothing must be started, or null when the promotion must be started.</summary>
    /// <exception cref="ConflictException">An operation toward another cluster is under way.</exception>
    private static PromotionOutcome? Converged(GlobalCluster cluster, PromotionTarget target)
    {
        if (cluster.OperationDestination is { } destination)
        {
            return string.Equals(destination, target.ClusterArn, StringComparison.Ordinal)
                ? PromotionOutcome.InProgress
                : throw new ConflictException(
                    $"A global {cluster.OperationUnderWay!.Status} operation toward {DescribeDestination(destination)} is under way; not promoting {target.ClusterArn}.");
        }

        return string.Equals(cluster.Writer?.DbClusterArn, target.ClusterArn, StringComparison.Ordinal)
            ? PromotionOutcome.AlreadyPrimary
            : null;
    }

    private async Task<PromotionOutcome> StartAsync(PromotionTarget target, CancellationToken cancellationToken)
    {
        var globalClusterId = configuration.Topology.GlobalClusterId;
        var region = target.Site.Region;
        try
        {
            if (target.Action == DecisionAction.Failover)
            {
                await rds.FailoverGlobalClusterAsync(
                    new FailoverGlobalClusterRequest(globalClusterId, target.ClusterArn, GlobalClusterFailoverMode.AllowDataLoss), region, cancellationToken);
            }
            else
            {
                await rds.SwitchoverGlobalClusterAsync(globalClusterId, target.ClusterArn, region, cancellationToken);
            }

            return PromotionOutcome.Started;
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == InvalidGlobalClusterState)
        {
            // Another invocation (a retry, a duplicate execution) may have started it meanwhile.
            var after = await _reader.ReadAsync(region, cancellationToken);
            if (Converged(after, target) is { } outcome)
            {
                return outcome == PromotionOutcome.AlreadyPrimary ? PromotionOutcome.InProgress : outcome;
            }

            throw;
        }
    }

    private static string DescribeDestination(string destination) => destination.Length == 0 ? "an unreported cluster" : destination;
}
