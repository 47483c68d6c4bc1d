using System.Text.Json;
using DrLambdas.Integration.Tests.Support;

namespace DrLambdas.Integration.Tests;

/// <summary>AuroraPromoter, the real AOT bootstrap, against the lab's Aurora global database.</summary>
[Collection(SharedDrWorld.Name)]
public sealed class AuroraPromoterScenarioTests(DrWorld world) : IAsyncLifetime
{
    public Task InitializeAsync() => world.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Start_PromoterKilledAfterStartThenStartedAgain_IsInProgressThenCompletedWithOnePromotion()
    {
        var start = $$"""
            {"operation":"start","incidentId":"dr-kill","action":"Switchover","targetRegion":"ap-northeast-1",
             "targetClusterArn":"{{world.Variables["DR_SECONDARY_CLUSTER_ARN"]}}","allowDataLoss":false}
            """;
        var first = (await world.InvokeAsync("AuroraPromoter", start)).Output;
        Assert.Equal("Started", first.GetProperty("outcome").GetString());

        await world.StopInstancesAsync("AuroraPromoter");
        var second = (await world.InvokeAsync("AuroraPromoter", start)).Output;

        Assert.Equal("InProgress", second.GetProperty("outcome").GetString());
        var completed = await DrWorld.PollAsync(
            async () => (await world.InvokeAsync("AuroraPromoter", Status(second))).Output,
            status => status.GetProperty("status").GetString() != "InProgress",
            "the switchover to finish");
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.True(completed.GetProperty("promoted").GetBoolean());
        Assert.Single(await world.Lab.RequestsAsync("rds", "SwitchoverGlobalCluster"));
        Assert.Empty(await world.Lab.RequestsAsync("rds", "FailoverGlobalCluster"));
        Assert.Equal(DrWorld.Secondary, (await world.Lab.StateAsync()).GetProperty("database").GetProperty("writerRegion").GetString());
    }

    [Fact]
    public async Task Start_TargetAlreadyTheWriter_IsAlreadyPrimaryWithoutAnyPromotion()
    {
        var result = (await world.InvokeAsync("AuroraPromoter", $$"""
            {"operation":"start","incidentId":"dr-noop","action":"Switchover","targetRegion":"ap-east-2",
             "targetClusterArn":"{{world.Variables["DR_PRIMARY_CLUSTER_ARN"]}}","allowDataLoss":false}
            """)).Output;

        Assert.Equal("AlreadyPrimary", result.GetProperty("outcome").GetString());
        Assert.Empty(await world.Lab.RequestsAsync("rds", "SwitchoverGlobalCluster"));
    }

    private static string Status(JsonElement started) =>
        $$"""{"operation":"status","targetClusterArn":"{{started.GetProperty("targetClusterArn").GetString()}}","startedAt":"{{started.GetProperty("startedAt").GetString()}}"}""";
}
