using System.Text.Json;
using DrLambdas.Integration.Tests.Support;
using static DrLambdas.Integration.Tests.Support.DrWorld;

namespace DrLambdas.Integration.Tests;

/// <summary>
/// HealthValidator <c>readiness</c>, the real AOT bootstrap with its own role (the lab enforces IAM: a call the role may
/// not make would be a PermissionMissing finding), against the deployed lab and one injected misconfiguration at a time.
/// </summary>
[Collection(SharedDrWorld.Name)]
public sealed class ReadinessScenarioTests(DrWorld world) : IAsyncLifetime
{
    private const string Readiness = """{"operation":"readiness"}""";

    public async Task InitializeAsync()
    {
        await world.ResetAsync();
        // The monthly dry run, as Step Functions lists and describes it; without one readiness reports ExerciseOverdue.
        await world.Lab.RegisterExecutionAsync(new
        {
            stateMachineArn = world.Variables["DR_STATE_MACHINE_ARN"],
            name = "game-day-" + Guid.NewGuid().ToString("N")[..8],
            input = """{"mode":"dry-run","reason":"monthly game day","requestedBy":"scheduler"}""",
            status = "SUCCEEDED",
            output = """{"assessment":{"decision":{"action":"None"}}}""",
            startedSecondsAgo = 60,
            stoppedSecondsAgo = 30,
        });
        await WaitUntilTheAlarmsHaveDataAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Readiness_DeployedLab_HasNoFindingsAndNotifiesOnlyOnce()
    {
        var first = await ReadinessAsync();
        var second = await ReadinessAsync();

        Assert.Empty(Findings(first));
        Assert.True(first.GetProperty("ready").GetBoolean());
        Assert.True(first.GetProperty("changed").GetBoolean());
        Assert.False(second.GetProperty("changed").GetBoolean());
        Assert.False(second.GetProperty("notified").GetBoolean());
    }

    [Fact]
    public async Task Readiness_PrimaryHealthCheckDeleted_ReportsHealthCheckMissing()
    {
        await world.Lab.MisconfigureAsync($$"""{"kind":"DeleteHealthCheck","region":"{{Primary}}"}""");

        var finding = Single(await ReadinessAsync(), "HealthCheckMissing");

        Assert.Equal(Primary, finding.GetProperty("subject").GetString());
        Assert.Contains("NoSuchHealthCheck", finding.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains("Recreate the health check", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_SecondaryRecordDissociated_ReportsHealthCheckNotAssociated()
    {
        await world.Lab.MisconfigureAsync($$"""{"kind":"DissociateHealthCheck","region":"{{Secondary}}"}""");

        var finding = Single(await ReadinessAsync(), "HealthCheckNotAssociated");

        Assert.Equal(Secondary, finding.GetProperty("subject").GetString());
        Assert.Contains("associate", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_SecondaryDetached_ReportsClusterNotMember()
    {
        await world.Lab.MisconfigureAsync($$"""{"kind":"DetachCluster","region":"{{Secondary}}"}""");

        var result = await ReadinessAsync();

        var finding = Single(result, "ClusterNotMember");
        Assert.Equal(Secondary, finding.GetProperty("subject").GetString());
        Assert.Equal("Critical", finding.GetProperty("severity").GetString());
        Assert.False(result.GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task Readiness_ReplicationLagOverTheBudget_ReportsReplicationLagOverBudget()
    {
        await world.Lab.InjectAsync("""{"kind":"ReplicationLag","lagMilliseconds":30000}""");

        var result = await PollAsync(ReadinessAsync, output => Codes(output).Contains("ReplicationLagOverBudget"), "the lag over the budget reported");

        Assert.Contains("budget", Single(result, "ReplicationLagOverBudget").GetProperty("evidence").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_SubscriptionRemoved_ReportsNoConfirmedSubscription()
    {
        await world.Lab.MisconfigureAsync("""{"kind":"RemoveSubscriptions"}""");
        try
        {
            var finding = Single(await ReadinessAsync(), "NoConfirmedSubscription");

            Assert.Contains("no subscriptions", finding.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await world.DeployAsync(Secondary);
        }
    }

    [Fact]
    public async Task Readiness_HealthCheckAlarmDeleted_ReportsAlarmMissingInUsEast1()
    {
        var alarm = world.HealthCheckAlarm(Primary);
        await world.Lab.MisconfigureAsync($$"""{"kind":"DeleteAlarm","name":"{{alarm.Name}}","region":"{{alarm.Region}}"}""");
        try
        {
            var finding = Single(await ReadinessAsync(), "AlarmMissing");

            Assert.Equal($"alarm {alarm.Name}", finding.GetProperty("subject").GetString());
            Assert.Contains(alarm.Region, finding.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await world.DeployAsync(Secondary);
        }
    }

    private async Task<JsonElement> ReadinessAsync() => (await world.InvokeAsync("HealthValidator", Readiness)).Output;

    private static List<JsonElement> Findings(JsonElement output) => output.GetProperty("findings").EnumerateArray().ToList();

    private static List<string> Codes(JsonElement output) => Findings(output).Select(finding => finding.GetProperty("code").GetString()!).ToList();

    private static JsonElement Single(JsonElement output, string code)
    {
        var matching = Findings(output).Where(finding => finding.GetProperty("code").GetString() == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code} finding, got: {output.GetProperty("findings")}");
        return matching[0];
    }

    /// <summary>After a reset the health-check alarms start without data until Route 53's first minute is published.</summary>
    private Task WaitUntilTheAlarmsHaveDataAsync() => world.Lab.WaitUntilAsync(
        state => DrLab.AlarmState(state, world.HealthCheckAlarm(Primary)) == "OK" && DrLab.AlarmState(state, world.HealthCheckAlarm(Secondary)) == "OK",
        "both health-check alarms OK");
}
