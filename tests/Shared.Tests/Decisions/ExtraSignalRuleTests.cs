using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Tests.Support;
using DrLambdas.Shared.Triggers;
using static DrLambdas.Shared.Tests.Support.Scenario;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Decisions;

/// <summary>Extra health signals are evidence only: never a quorum vote, never a trigger.</summary>
public class ExtraSignalRuleTests
{
    private const string MskLag = "orders-mm2-lag";

    public static TheoryData<string> Baselines => new(Worlds.Keys);

    private static readonly Dictionary<string, Func<Scenario>> Worlds = new()
    {
        ["primary outage"] = PrimaryOutage,
        ["calm"] = Calm,
        ["one kind sees the primary down"] = () => Calm().WithSignals(TokyoHealthy(),
            [Signal(SignalKind.Route53HealthCheck, Tpe, Global, Verdict.Unhealthy, "3 of 3 checkers failing"),
             Signal(SignalKind.Probe, Tpe, Nrt, Verdict.Healthy, "UP")]),
        ["partition"] = DecisionRuleCases.Partition,
        ["secondary outage"] = SecondaryOutage,
        ["after failover"] = AfterFailover,
        ["manual failover"] = () => Calm() with { Trigger = Manual(TriggerMode.Failover, Nrt) },
    };

    private static IEnumerable<ExtraSignalReading> Extras(Verdict verdict) =>
    [
        new("msk-replication-lag", MskLag, Tpe, verdict, $"alarm {MskLag} {verdict}", T0),
        new("db-connection-pool", "orders-db-pool", Nrt, verdict, $"alarm orders-db-pool {verdict}", T0),
    ];

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Decide_ExtraSignalsInAnyState_NeverChangeTheActionOrTheOtherReasons(string baseline)
    {
        var without = Worlds[baseline]().Decide();

        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            var with = (Worlds[baseline]() with { ExtraSignals = Extras(verdict).ToList() }).Decide();

            Assert.Equal(without.Action, with.Action);
            Assert.Equal(
                without.Reasons.Select(reason => (reason.Code, reason.Message)),
                with.Reasons.Where(reason => reason.Code != ReasonCode.ExtraSignalsNotCounted).Select(reason => (reason.Code, reason.Message)));
        }
    }

    [Fact]
    public void Decide_ExtraSignalInAlarmBesideOneFailingKind_PrimaryNotDown()
    {
        var scenario = Worlds["one kind sees the primary down"]() with { ExtraSignals = Extras(Verdict.Unhealthy).ToList() };

        var decision = scenario.Decide();

        Assert.Equal(DecisionAction.None, decision.Action);
        Assert.Contains(decision.Reasons, reason => reason.Code == ReasonCode.PrimaryNotDownByQuorum);
        Assert.DoesNotContain(decision.Reasons, reason => reason.Code == ReasonCode.PrimaryDownByQuorum);
    }

    [Fact]
    public void Decide_ExtraSignalsRead_OneReasonWithEveryReadingAsEvidence()
    {
        var scenario = Calm() with { ExtraSignals = Extras(Verdict.Unknown).ToList() };

        var reason = Assert.Single(scenario.Decide().Reasons, reason => reason.Code == ReasonCode.ExtraSignalsNotCounted);

        Assert.Equal(
            [$"extra:msk-replication-lag:{MskLag}→{Tpe} unknown: alarm {MskLag} Unknown", $"extra:db-connection-pool:orders-db-pool→{Nrt} unknown: alarm orders-db-pool Unknown"],
            reason.Evidence);
    }

    [Fact]
    public void Decide_NoExtraSignals_NoExtraSignalReason()
    {
        var decision = Calm().Decide();

        Assert.DoesNotContain(decision.Reasons, reason => reason.Code == ReasonCode.ExtraSignalsNotCounted);
    }

    [Fact]
    public void Decide_ExtraSignalAlarmAsTrigger_NotManagedNothingToDo()
    {
        var configuration = TestEnvironment.Configuration(variables => variables[DrLambdas.Shared.Configuration.EnvironmentVariables.PrimaryExtraSignals] = $"msk-replication-lag:{MskLag}");
        var scenario = PrimaryOutage() with
        {
            Configuration = configuration,
            Trigger = Trigger.FromAlarm(MskLag, AlarmState.Alarm, AlarmState.Ok, "Threshold Crossed", Nrt, T0),
        };

        var decision = scenario.Decide();

        Assert.Equal(DecisionAction.None, decision.Action);
        Assert.Contains(decision.Reasons, reason => reason.Code == ReasonCode.AlarmNotManaged);
    }
}
