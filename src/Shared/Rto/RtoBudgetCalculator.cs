using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;

namespace DrLambdas.Shared.Rto;

/// <summary>
/// Honest objectives: the recovery actions' time the configuration allows (the serving and write paths users see are
/// <see cref="UserRtoBudgetCalculator"/>'s). Detection (health-check interval ×
/// failure threshold), then alarm evaluation, then orchestration, then promotion and DNS side by side
/// (the longer of the two counts).
/// </summary>
public static class RtoBudgetCalculator
{
    /// <summary>Computes the budget for one recovery path (the failover path by default).</summary>
    /// <param name="settings">The configured durations.</param>
    /// <param name="target">The RTO target.</param>
    /// <param name="path">Switchover uses the switchover estimate, DrainSecondary has no database step,
    /// anything else is budgeted as a failover.</param>
    public static RtoBudget Compute(RtoSettings settings, TimeSpan target, DecisionAction path = DecisionAction.Failover)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var interval = Seconds(settings.HealthCheckInterval);
        var threshold = settings.HealthCheckFailureThreshold;
        var alarm = Seconds(settings.AlarmEvaluation);
        var overhead = Seconds(settings.OrchestrationOverhead);

        RtoBudgetItem[] items =
        [
            new("detection", interval * threshold,
                Invariant($"Route 53 checks every {interval} s and needs {threshold} consecutive failures: {interval} s × {threshold}.")),
            new("alarm-evaluation", alarm,
                Invariant($"The trigger alarm needs {alarm} s (period × evaluation periods) of failing data before it fires.")),
            new("orchestration", overhead,
                Invariant($"Step Functions transitions and Lambda invocations: {overhead} s.")),
            Recovery(settings, path),
        ];

        return RtoBudgetComposer.Compose(items, target);
    }

    private static RtoBudgetItem Recovery(RtoSettings settings, DecisionAction path)
    {
        var propagation = Seconds(settings.PropagationEstimate);
        var ttl = Seconds(settings.DnsTtl);
        var dns = propagation + ttl;
        var dnsText = Invariant($"DNS: propagation {propagation} s + TTL {ttl} s = {dns} s");
        if (path == DecisionAction.DrainSecondary)
        {
            return new RtoBudgetItem("recovery", dns, dnsText + "; no database step.");
        }

        var (database, label) = path == DecisionAction.Switchover
            ? (Seconds(settings.SwitchoverEstimate), "Aurora switchover")
            : (Seconds(settings.PromotionEstimate), "Aurora failover");
        return new RtoBudgetItem(
            "recovery",
            Math.Max(database, dns),
            Invariant($"{label} {database} s runs in parallel with {dnsText}; the longer one counts."));
    }

    private static int Seconds(TimeSpan duration) => RtoBudgetComposer.Seconds(duration);

    private static string Invariant(FormattableString text) => RtoBudgetComposer.Invariant(text);
}
