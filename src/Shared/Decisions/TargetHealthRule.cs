using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.Shared.Decisions;

/// <summary>
/// Never move traffic into a sick Region: the target needs a probe that sees it up, no observer that
/// sees it failing, an available cluster in the global database and, when Route 53 watches it (a health check
/// or a health-check alarm is configured), a healthy Route 53 verdict: no verdict is not healthy to Route 53.
/// </summary>
internal static class TargetHealthRule
{
    /// <summary>Whether the target is healthy; records the reason either way.</summary>
    public static bool IsHealthy(DecisionContext context, RegionSite target)
    {
        var health = context.Health(target.Region);
        var member = context.Input.GlobalCluster.MemberIn(target.Region);
        var problems = new List<string>();

        if (!health.HasHealthyProbe)
        {
            problems.Add(ReasonTexts.NoHealthyProbe());
        }

        if (IsWatchedByRoute53(context, target) && health.VoteOf(SignalKind.Route53HealthCheck) != Verdict.Healthy)
        {
            problems.Add(ReasonTexts.NoRoute53Verdict());
        }

        var failing = health.Unhealthy.Count();
        if (failing > 0)
        {
            problems.Add(ReasonTexts.FailingObservations(failing));
        }

        if (member is null)
        {
            problems.Add(ReasonTexts.NoClusterInGlobalDatabase(target.Region, context.Topology.GlobalClusterId));
        }
        else if (!member.IsAvailable)
        {
            problems.Add(ReasonTexts.ClusterNotAvailable(member.Status));
        }

        var evidence = health.Signals.Select(Evidence.Of).ToList();
        if (member is not null)
        {
            evidence.Add(Evidence.Of(member));
        }

        if (problems.Count == 0)
        {
            context.Add(ReasonCode.TargetHealthy, ReasonTexts.TargetHealthy(target.Region), evidence);
            return true;
        }

        context.Add(ReasonCode.TargetUnhealthy, ReasonTexts.TargetUnhealthy(target.Region, problems), evidence);
        return false;
    }

    /// <summary>Whether Route 53 watches the Region: a health check id or a health-check alarm is configured for it.</summary>
    public static bool IsWatchedByRoute53(DecisionContext context, RegionSite target) =>
        target.HealthCheckId is not null || context.Input.Configuration.Alarms.HealthCheckAlarmOf(target.Role) is not null;
}
