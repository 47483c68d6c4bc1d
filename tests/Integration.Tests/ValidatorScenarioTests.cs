using System.Text.Json;
using DrLambdas.Integration.Tests.Support;
using static DrLambdas.Integration.Tests.Support.DrWorld;

namespace DrLambdas.Integration.Tests;

/// <summary>HealthValidator <c>assess</c>, the real AOT bootstrap, against the lab's failure scenarios.</summary>
[Collection(SharedDrWorld.Name)]
public sealed class ValidatorScenarioTests(DrWorld world) : IAsyncLifetime
{
    public Task InitializeAsync() => world.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Assess_PrimaryRegionOutage_DecidesFailover()
    {
        await world.Lab.InjectAsync("""{"kind":"RegionOutage","region":"ap-east-2"}""");
        await WaitUntilRoute53AndAlarmSeeDownAsync(Primary);

        var assessment = (await world.InvokeAsync("HealthValidator", Events.Assess(world.HealthCheckAlarm(Primary), "region-outage"))).Output;

        var decision = assessment.GetProperty("decision");
        Assert.Equal("Failover", decision.GetProperty("action").GetString());
        Assert.True(decision.GetProperty("allowDataLoss").GetBoolean());
        Assert.Equal(world.Variables["DR_SECONDARY_CLUSTER_ARN"], decision.GetProperty("targetClusterArn").GetString());
        Assert.Equal("dr-region-outage", assessment.GetProperty("incidentId").GetString());
        Assert.Equal([0, 100], assessment.GetProperty("desiredWeights").EnumerateArray().Select(weight => weight.GetProperty("weight").GetInt32()));
    }

    [Fact]
    public async Task Assess_PrimaryAppOnlyOutage_DecidesSwitchover()
    {
        await world.Lab.InjectAsync("""{"kind":"AppOutage","region":"ap-east-2"}""");
        await WaitUntilRoute53AndAlarmSeeDownAsync(Primary);

        var assessment = (await world.InvokeAsync("HealthValidator", Events.Assess(world.HealthCheckAlarm(Primary), "app-outage"))).Output;

        var decision = assessment.GetProperty("decision");
        Assert.Equal("Switchover", decision.GetProperty("action").GetString());
        Assert.False(decision.GetProperty("allowDataLoss").GetBoolean());
        Assert.Equal(0, decision.GetProperty("estimatedDataLossSeconds").GetDouble());
    }

    [Fact]
    public async Task Assess_PartitionBetweenTheRegions_DecidesNone()
    {
        await world.Lab.InjectAsync("""{"kind":"Partition"}""");
        await world.Lab.WaitUntilAsync(state => !DrLab.RegionState(state, Primary).GetProperty("reachableFromObserver").GetBoolean(), "partitioned");

        var assessment = (await world.InvokeAsync("HealthValidator", Events.Assess(world.HealthCheckAlarm(Primary), "partition"))).Output;

        var decision = assessment.GetProperty("decision");
        Assert.Equal("None", decision.GetProperty("action").GetString());
        Assert.Contains(decision.GetProperty("reasons").EnumerateArray(), reason => reason.GetProperty("code").GetString() == "PartitionSuspected");
        Assert.Equal(0, assessment.GetProperty("desiredWeights").GetArrayLength());
    }

    /// <summary>The templates are deployed where the lab's observer is: for a secondary outage, in the primary Region.</summary>
    [Fact]
    public async Task Assess_SecondaryOutage_DrainsTheSecondary()
    {
        await world.Lab.MoveObserverAsync(Primary);
        await world.DeployAsync(Primary);
        await world.Lab.InjectAsync("""{"kind":"RegionOutage","region":"ap-northeast-1"}""");
        await WaitUntilRoute53AndAlarmSeeDownAsync(Secondary);

        var result = await world.InvokeAsync("HealthValidator", Events.Assess(world.HealthCheckAlarm(Secondary), "secondary-outage"));

        var decision = result.Output.GetProperty("decision");
        Assert.Equal("DrainSecondary", decision.GetProperty("action").GetString());
        Assert.Equal(Primary, decision.GetProperty("targetRegion").GetString());
        Assert.Equal(JsonValueKind.Null, decision.GetProperty("targetClusterArn").ValueKind);
        Assert.Equal([100, 0], result.Output.GetProperty("desiredWeights").EnumerateArray().Select(weight => weight.GetProperty("weight").GetInt32()));
    }

    [Fact]
    public async Task Assess_MalformedTrigger_IsAnInputValidationErrorWithoutAnyAwsCall()
    {
        var before = (await world.Lab.StateAsync()).GetProperty("requests").GetArrayLength();

        var result = await world.InvokeAsync("HealthValidator", """{"operation":"assess","trigger":{"mode":"panic"},"execution":{"id":"x","name":"y","startTime":"2026-11-26T00:00:00Z"}}""");

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("InputValidationException", result.Body.GetProperty("errorType").GetString());
        Assert.Equal(before, (await world.Lab.StateAsync()).GetProperty("requests").GetArrayLength());
    }

    private Task WaitUntilRoute53AndAlarmSeeDownAsync(string region) => world.Lab.WaitUntilAsync(
        state => !DrLab.RegionState(state, region).GetProperty("route53Healthy").GetBoolean()
            && DrLab.AlarmState(state, world.HealthCheckAlarm(region)) == "ALARM",
        $"Route 53 and the alarm see {region} down");
}
