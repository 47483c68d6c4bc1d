using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;

namespace DrLambdas.Shared.Rto;

/// <summary>
/// The recovery time users see, per path, from the configuration. Serving: Route 53's health checks take the failed
/// Region out of the answers on the data plane, then resolvers drop it as their cached answer expires. Writes: the
/// trigger actually configured detects the failure, the machine decides, Aurora promotes, the global writer endpoint
/// follows and the application reconnects.
/// </summary>
public static class UserRtoBudgetCalculator
{
    /// <summary>
    /// The TTL resolvers cache an alias record to a load balancer for: Route 53 does not let alias records set one, and
    /// its FAQ gives Elastic Load Balancing's as a fixed 60 s.
    /// </summary>
    public const int AliasTtlSeconds = 60;

    /// <summary>
    /// The Aurora global writer endpoint's TTL: AWS documents 5 s ("Aurora DNS zones use a short Time-To-Live (TTL) of
    /// five seconds").
    /// </summary>
    public const int WriterEndpointTtlSeconds = 5;

    /// <summary>Incident → reads served again: health-check detection, then the records' TTL.</summary>
    /// <param name="settings">The configured durations.</param>
    /// <param name="target">The RTO target.</param>
    public static RtoBudget Serving(RtoSettings settings, TimeSpan target)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return RtoBudgetComposer.Compose(ServingItems(settings), target, "serving");
    }

    /// <summary>Incident → writes succeed again.</summary>
    /// <param name="settings">The configured durations.</param>
    /// <param name="target">The RTO target.</param>
    /// <param name="path">Switchover uses the switchover estimate; DrainSecondary does not move the writer, so writes
    /// come back with traffic (the serving items); anything else is budgeted as a failover.</param>
    public static RtoBudget Writes(RtoSettings settings, TimeSpan target, DecisionAction path = DecisionAction.Failover)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (path == DecisionAction.DrainSecondary)
        {
            return RtoBudgetComposer.Compose(ServingItems(settings), target, "writes (the writer stays; writes follow traffic)");
        }

        var (database, label) = path == DecisionAction.Switchover
            ? (Seconds(settings.SwitchoverEstimate), "Aurora switchover")
            : (Seconds(settings.PromotionEstimate), "Aurora failover");
        var overhead = Seconds(settings.OrchestrationOverhead);
        var repoint = Seconds(settings.WriterRepointEstimate);
        var reconnect = Seconds(settings.ReconnectEstimate);
        RtoBudgetItem[] items =
        [
            TriggerDetection(settings),
            new("decision", overhead, Invariant($"Step Functions, assess and the promoter's start before the promotion runs: {overhead} s.")),
            new("promotion", database, Invariant($"{label}: {database} s expected (AWS documents only \"minutes\"; the estimate is configuration).")),
            new("writer-endpoint", repoint + WriterEndpointTtlSeconds,
                Invariant($"The global writer endpoint names the new writer {repoint} s after the promotion (an assumption: AWS does not say how soon), and the application's cached answer expires within the endpoint's {WriterEndpointTtlSeconds} s TTL: {repoint} s + {WriterEndpointTtlSeconds} s.")),
            new("reconnect", reconnect, Invariant($"The application's connection pool drops the old writer and reconnects: {reconnect} s (an assumption).")),
        ];
        return RtoBudgetComposer.Compose(items, target, "writes");
    }

    private static RtoBudgetItem[] ServingItems(RtoSettings settings)
    {
        var interval = Seconds(settings.HealthCheckInterval);
        var threshold = settings.HealthCheckFailureThreshold;
        var ttl = settings.AliasRecords ? AliasTtlSeconds : Seconds(settings.DnsTtl);
        var ttlText = settings.AliasRecords
            ? Invariant($"Alias records have no TTL of their own: resolvers keep the answer naming the failed Region for the load balancer's fixed {AliasTtlSeconds} s, whatever the configured TTL.")
            : Invariant($"Resolvers keep an answer naming the failed Region for up to the records' TTL: {ttl} s.");
        return
        [
            new("health-check-detection", interval * threshold,
                Invariant($"Route 53's checkers each request the endpoint every {interval} s and flip on the {threshold}th consecutive failure; the checkers needed (more than 82 % of them) all sample within one interval, so Route 53 stops answering with the failed Region within {interval} s × {threshold}, no API call.")),
            new("dns-ttl", ttl, ttlText),
        ];
    }

    /// <summary>The earliest trigger configured: the probe alarm (a witness), else the us-east-1 HealthCheckStatus alarm.</summary>
    private static RtoBudgetItem TriggerDetection(RtoSettings settings)
    {
        var interval = Seconds(settings.HealthCheckInterval);
        var threshold = settings.HealthCheckFailureThreshold;
        var alarm = Seconds(settings.AlarmEvaluation);
        var healthCheckAlarm = (interval * threshold) + alarm;
        var healthCheckText = Invariant($"health checks {interval} s × {threshold} + the HealthCheckStatus alarm's {alarm} s of evaluation");
        if (settings.ProbeAlarm is { } probe)
        {
            var probeInterval = Seconds(probe.ProbeInterval);
            var period = Seconds(probe.Period);
            var probeAlarm = probeInterval + (period * probe.DatapointsToAlarm);
            if (probeAlarm <= healthCheckAlarm)
            {
                return new RtoBudgetItem("detection", probeAlarm,
                    Invariant($"The probe alarm (observers in two Regions agree) fires first: a failing probe within {probeInterval} s, then {probe.DatapointsToAlarm} breaching {period} s periods: {probeInterval} s + {probe.DatapointsToAlarm} × {period} s; the HealthCheckStatus alarm ({healthCheckText} = {healthCheckAlarm} s) is the fallback."));
            }
        }

        return new RtoBudgetItem("detection", healthCheckAlarm,
            Invariant($"The Route 53 HealthCheckStatus alarm in us-east-1 starts the failover: {healthCheckText} = {healthCheckAlarm} s{(settings.ProbeAlarm is null ? " (no probe alarm: no witness)" : string.Empty)}."));
    }

    private static int Seconds(TimeSpan duration) => RtoBudgetComposer.Seconds(duration);

    private static string Invariant(FormattableString text) => RtoBudgetComposer.Invariant(text);
}
