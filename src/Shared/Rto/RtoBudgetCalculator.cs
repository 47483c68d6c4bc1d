using System.Globalization;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Decisions;

namespace DrLambdas.Shared.Rto;

/// <summary>
/// Honest objectives: the recovery time the configuration allows. Detection (health-check interval ×
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

        var total = items.Sum(item => item.Seconds);
        var targetSeconds = Seconds(target);
        var reachable = total <= targetSeconds;
        return new RtoBudget(targetSeconds, total, reachable, items, Explain(items, total, targetSeconds, reachable));
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

    private static string Explain(IReadOnlyList<RtoBudgetItem> items, int total, int target, bool reachable)
    {
        if (reachable)
        {
            return Invariant($"The {target} s RTO target is reachable: the budget is {total} s, {target - total} s inside it.");
        }

        var alone = items.Where(item => item.Seconds > target).ToList();
        var why = alone.Count > 0
            ? string.Join(" ", alone.Select(item => Invariant($"{Capitalise(item.Name)} alone takes {item.Seconds} s ({item.Explanation.TrimEnd('.')}), already more than the target.")))
            : Invariant($"No single stage exceeds it, but together they do; the largest is {items.MaxBy(item => item.Seconds)!.Name} at {items.Max(item => item.Seconds)} s.");
        return Invariant($"The {target} s RTO target is not reachable: the budget is {total} s. ") + why;
    }

    private static string Capitalise(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static int Seconds(TimeSpan duration) => (int)Math.Ceiling(duration.TotalSeconds);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
