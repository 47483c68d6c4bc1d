using System.Globalization;
using DrLambdas.Aws.Rds;
using DrLambdas.Functions.Common;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.AuroraPromoter;

/// <summary>
/// <c>status</c>: InProgress while an operation toward the target runs, is being cancelled, or RDS does not show it
/// yet; Completed when the target is the writer, no operation is under way and the cluster is available;
/// NotPromoted when the operation is gone and the writer never moved (on AWS a switchover whose primary dies is
/// accepted, then cancelled); Failed when the target left the global cluster or another operation is under way.
/// </summary>
internal sealed class StatusOperation(DrConfiguration configuration, IRdsClient rds, TimeProvider timeProvider)
{
    private const string Cancelling = "cancelling";

    private readonly GlobalClusterReader _reader = new(rds, configuration.Topology);

    public async Task<PromotionStatusResponse> HandleAsync(PromotionStatusRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var site = PromotionTarget.SiteOf(request.TargetClusterArn, configuration.Topology);
        ContractReader.NotInFuture(request.StartedAt, timeProvider.GetUtcNow(), "startedAt");
        var cluster = await _reader.ReadAsync(site.Region, cancellationToken);
        var (status, detail) = await JudgeAsync(cluster, site, request.StartedAt, cancellationToken);

        var elapsed = timeProvider.GetUtcNow() - request.StartedAt;
        var elapsedSeconds = Math.Round(Math.Max(0, elapsed.TotalSeconds), 3);
        var timedOut = status == PromotionState.InProgress && elapsed > configuration.Timeouts.Promotion;
        var promoted = cluster.Writer is { } writer && string.Equals(writer.DbClusterArn, site.ClusterArn, StringComparison.Ordinal);
        Report(invocation, site, status, elapsedSeconds, timedOut, detail, promoted);
        return new PromotionStatusResponse(status, site.ClusterArn, request.StartedAt, elapsedSeconds, cluster.Endpoint, timedOut, detail, promoted);
    }

    private async Task<(PromotionState Status, string Detail)> JudgeAsync(
        GlobalCluster cluster, RegionSite site, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var target = site.ClusterArn;
        var member = cluster.Members.FirstOrDefault(candidate => string.Equals(candidate.DbClusterArn, target, StringComparison.Ordinal));
        if (member is null)
        {
            return (PromotionState.Failed, $"{target} is no longer a member of global cluster {cluster.GlobalClusterIdentifier}");
        }

        if (cluster.OperationDestination is { } destination)
        {
            var state = cluster.OperationUnderWay!.Status!;
            if (!string.Equals(destination, target, StringComparison.Ordinal))
            {
                return (PromotionState.Failed, $"a different global operation ({state}) toward {destination} is under way");
            }

            // Cancelling returns both clusters to their previous roles; the outcome is known once RDS has finished.
            return string.Equals(state, Cancelling, StringComparison.OrdinalIgnoreCase)
                ? (PromotionState.InProgress, $"the global operation toward {target} is being cancelled; waiting for the previous writer to be restored")
                : (PromotionState.InProgress, $"global operation {state} toward {target}");
        }

        if (!member.IsWriter)
        {
            var writer = cluster.Writer?.DbClusterArn ?? "no cluster";
            return timeProvider.GetUtcNow() - startedAt < configuration.Timeouts.PromotionReportingGrace
                ? (PromotionState.InProgress, $"RDS does not report the operation yet; the writer is still {writer}")
                : (PromotionState.NotPromoted, $"no global operation is under way and the writer is still {writer}: {target} was not promoted");
        }

        var regional = await rds.DescribeDbClustersAsync(target, site.Region, cancellationToken);
        var status = regional.Count > 0 ? regional[0].Status ?? "not reported" : "not found";
        return string.Equals(status, "available", StringComparison.OrdinalIgnoreCase)
            ? (PromotionState.Completed, $"{target} is the writer and available")
            : (PromotionState.InProgress, $"{target} is the writer; cluster status {status}");
    }

    private static void Report(
        Invocation invocation, RegionSite site, PromotionState status, double elapsedSeconds, bool timedOut, string detail, bool promoted)
    {
        invocation.Logger.Info(
            $"Promotion {status} after {elapsedSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
            new LogField("status", status.ToString()),
            new LogField("targetRegion", site.Region),
            new LogField("timedOut", timedOut),
            new LogField("promoted", promoted),
            new LogField("detail", detail));
        if (status == PromotionState.NotPromoted)
        {
            invocation.WriteMetric("PromotionsNotPromoted", 1, MetricUnit.Count, new MetricDimension("TargetRegion", site.Region));
        }

        if (status == PromotionState.Completed)
        {
            invocation.WriteMetric("PromotionDuration", elapsedSeconds, MetricUnit.Seconds, new MetricDimension("TargetRegion", site.Region));
        }

        if (timedOut)
        {
            invocation.WriteMetric("PromotionTimeouts", 1, MetricUnit.Count, new MetricDimension("TargetRegion", site.Region));
        }
    }
}
