using DrLambdas.Functions.Common;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Runtime.Logging;
using DrLambdas.Runtime.Metrics;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Errors;
using DrLambdas.Shared.Failback;

namespace DrLambdas.HealthValidator.Operations;

/// <summary>
/// <c>gate</c>: the health gate after a failback traffic step. The Region passes only when every configured
/// source sees it healthy and every extra signal of it is OK; an unhealthy or unreadable source fails the gate (the
/// state machine rolls back).
/// </summary>
internal sealed class GateOperation(DrConfiguration configuration, RegionObserver observer, ExtraSignalReader extraSignals)
{
    public async Task<GateResponse> HandleAsync(GateRequest request, Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invocation);
        var topology = configuration.Topology;
        var site = topology.Find(ContractReader.NonBlank(request.Region, "region"))
            ?? throw new InputValidationException("region", $"'{request.Region}' is not a managed Region ({topology.Primary.Region}, {topology.Secondary.Region})");

        var timeout = EvidenceBudget.PerSource(configuration.Probes.SourceTimeout, invocation.RemainingTime);
        var observed = observer.ObserveAsync(site, includeAlarms: true, timeout, cancellationToken);
        var extras = extraSignals.ReadAsync([site], timeout, cancellationToken);
        var signals = await observed;
        var readings = await extras;
        var failing = signals.Where(signal => signal.Verdict != Verdict.Healthy).ToList();
        var extraProblems = ExtraSignalRequirement.Problems(readings);
        var passed = failing.Count == 0 && extraProblems.Count == 0;
        var detail = passed
            ? string.Join("; ", signals.Select(Describe).Concat(readings.Select(Evidence.Of)))
            : string.Join("; ", failing.Select(Describe).Concat(extraProblems));

        invocation.Logger.Info($"Health gate {(passed ? "passed" : "failed")} for {site.Region}", new LogField("region", site.Region), new LogField("detail", detail));
        invocation.WriteMetric("HealthGates", 1, MetricUnit.Count, new MetricDimension("Result", passed ? "Passed" : "Failed"));
        return passed ? new GateResponse(true, detail) : throw new HealthGateFailedException(site.Region, detail);
    }

    private static string Describe(HealthSignal signal) => $"{signal.Kind} {signal.Verdict}: {signal.Detail}";
}
