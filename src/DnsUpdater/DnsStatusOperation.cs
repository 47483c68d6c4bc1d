using System.Globalization;
using DrLambdas.Aws.Route53;
using DrLambdas.Functions.Common;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;

namespace DrLambdas.DnsUpdater;

/// <summary><c>status</c>: PENDING until every change of the <c>apply</c> is INSYNC; timed out past the propagation timeout.</summary>
internal sealed class DnsStatusOperation(DrConfiguration configuration, IRoute53Client route53, TimeProvider timeProvider)
{
    public async Task<DnsChangeResponse> HandleAsync(DnsStatusRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        ContractReader.NotInFuture(request.SubmittedAt, timeProvider.GetUtcNow(), "submittedAt");
        var changeIds = request.ChangeIds
            .Select((id, index) => ContractReader.NonBlank(id, string.Create(CultureInfo.InvariantCulture, $"changeIds[{index}]")))
            .ToList();
        var changes = await Task.WhenAll(changeIds.Select(id => route53.GetChangeAsync(id, cancellationToken)));
        var status = changes.All(change => change.Status == ChangeStatus.InSync) ? ChangePropagation.InSync : ChangePropagation.Pending;

        var elapsed = timeProvider.GetUtcNow() - request.SubmittedAt;
        var elapsedSeconds = Math.Round(Math.Max(0, elapsed.TotalSeconds), 3);
        var timedOut = status == ChangePropagation.Pending && elapsed > configuration.Timeouts.Propagation;
        invocation.Logger.Info(
            $"DNS changes {(status == ChangePropagation.InSync ? "INSYNC" : "PENDING")} after {elapsedSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
            new LogField("changeIds", changeIds),
            new LogField("timedOut", timedOut));
        if (status == ChangePropagation.InSync && changeIds.Count > 0)
        {
            invocation.WriteMetric("PropagationDuration", elapsedSeconds, MetricUnit.Seconds);
        }

        if (timedOut)
        {
            invocation.WriteMetric("PropagationTimeouts", 1, MetricUnit.Count);
        }

        return new DnsChangeResponse(changeIds, status, request.SubmittedAt, elapsedSeconds, timedOut);
    }
}
