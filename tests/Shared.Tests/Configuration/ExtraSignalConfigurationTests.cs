using DrLambdas.Errors;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Tests.Support;
using Env = DrLambdas.Shared.Configuration.EnvironmentVariables;

namespace DrLambdas.Shared.Tests.Configuration;

public class ExtraSignalConfigurationTests
{
    private static ConfigurationException LoadFails(Action<Dictionary<string, string?>> change) =>
        Assert.Throws<ConfigurationException>(() => TestEnvironment.Configuration(change));

    [Fact]
    public void Load_ExtraSignalsPerRegion_KindAndAlarmOfEachEntry()
    {
        var alarms = TestEnvironment.Configuration(variables =>
        {
            variables[Env.PrimaryExtraSignals] = "msk-replication-lag:orders-mm2-lag, db-connection-pool : orders-db-pool";
            variables[Env.SecondaryExtraSignals] = "msk-replication-lag:orders-mm2-lag";
        }).Alarms;

        Assert.Equal([new ExtraSignal("msk-replication-lag", "orders-mm2-lag"), new ExtraSignal("db-connection-pool", "orders-db-pool")], alarms.ExtraSignalsOf(RegionRole.Primary));
        Assert.Equal([new ExtraSignal("msk-replication-lag", "orders-mm2-lag")], alarms.ExtraSignalsOf(RegionRole.Secondary));
    }

    [Fact]
    public void Load_NoExtraSignals_EmptyLists()
    {
        var alarms = TestEnvironment.Default.Alarms;

        Assert.Empty(alarms.PrimaryExtraSignals);
        Assert.Empty(alarms.SecondaryExtraSignals);
    }

    [Fact]
    public void Load_ExtraSignalWithoutKind_IsAProblemNamingTheFormat()
    {
        var error = LoadFails(variables => variables[Env.PrimaryExtraSignals] = "orders-mm2-lag");

        Assert.Equal(["DR_PRIMARY_EXTRA_SIGNALS: entry 'orders-mm2-lag' must be kind:alarm-name, kind one of msk-replication-lag, db-connection-pool, dependency"], error.Problems);
    }

    [Fact]
    public void Load_ExtraSignalOfUnknownKind_ListsTheKnownKinds()
    {
        var error = LoadFails(variables => variables[Env.SecondaryExtraSignals] = "kafka-lag:orders-mm2-lag");

        Assert.Equal(["DR_SECONDARY_EXTRA_SIGNALS: kind 'kafka-lag' of entry 'kafka-lag:orders-mm2-lag' is not one of msk-replication-lag, db-connection-pool, dependency"], error.Problems);
    }

    [Fact]
    public void Load_ExtraSignalWithoutAlarmName_IsAProblem()
    {
        var error = LoadFails(variables => variables[Env.PrimaryExtraSignals] = "dependency:");

        Assert.Equal(["DR_PRIMARY_EXTRA_SIGNALS: alarm name of entry 'dependency:' must be 1 to 255 characters, got 0"], error.Problems);
    }

    [Fact]
    public void Load_ExtraSignalNamingATriggerAlarm_IsAProblem()
    {
        var error = LoadFails(variables => variables[Env.PrimaryExtraSignals] = $"dependency:{TestEnvironment.PrimaryAlarm}");

        Assert.Equal([$"DR_PRIMARY_EXTRA_SIGNALS: names alarm '{TestEnvironment.PrimaryAlarm}', which starts failovers; an extra signal never does"], error.Problems);
    }

    [Fact]
    public void Load_SameAlarmTwiceInOneRegion_IsAProblem()
    {
        var error = LoadFails(variables => variables[Env.PrimaryExtraSignals] = "msk-replication-lag:lag,dependency:lag");

        Assert.Equal(["DR_PRIMARY_EXTRA_SIGNALS: names alarm 'lag' more than once"], error.Problems);
    }

    [Fact]
    public void Load_SeveralBadEntriesInBothRegions_ReportsEveryProblemAtOnce()
    {
        var error = LoadFails(variables =>
        {
            variables[Env.PrimaryExtraSignals] = "nokind,kafka:x";
            variables[Env.SecondaryExtraSignals] = "dependency:,";
        });

        Assert.Equal(4, error.Problems.Count);
        Assert.Equal(2, error.Problems.Count(problem => problem.StartsWith("DR_PRIMARY_EXTRA_SIGNALS:", StringComparison.Ordinal)));
        Assert.Equal(2, error.Problems.Count(problem => problem.StartsWith("DR_SECONDARY_EXTRA_SIGNALS:", StringComparison.Ordinal)));
    }

    [Fact]
    public void RoleOf_ExtraSignalAlarm_IsNotManaged()
    {
        var alarms = TestEnvironment.Configuration(variables => variables[Env.PrimaryExtraSignals] = "msk-replication-lag:orders-mm2-lag").Alarms;

        Assert.Null(alarms.RoleOf("orders-mm2-lag"));
    }
}
