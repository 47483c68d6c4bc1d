using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Integration.Tests.Support;
using static DrLambdas.Integration.Tests.Support.DrWorld;

namespace DrLambdas.Integration.Tests;

/// <summary>
/// The failover state machine's paths played by hand over the three real bootstraps: assess, promote and move
/// traffic, verify. Each step reads the execution document the way the ASL passes it.
/// </summary>
[Collection(SharedDrWorld.Name)]
public sealed class FailoverChainTests(DrWorld world) : IAsyncLifetime
{
    public Task InitializeAsync() => world.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>ExecuteRecovery: the promotion and the traffic branch run side by side.</summary>
    [Fact]
    public async Task Chain_PrimaryRegionOutage_FailsOverAndVerifiesRecovered()
    {
        await world.Lab.InjectAsync("""{"kind":"RegionOutage","region":"ap-east-2"}""");
        await WaitUntilRoute53AndAlarmSeePrimaryDownAsync();
        var assessInput = JsonNode.Parse(Events.Assess(world.HealthCheckAlarm(Primary), "chain"))!;
        var assessment = (await world.InvokeAsync("HealthValidator", assessInput.ToJsonString())).Output;
        Assert.Equal("Failover", assessment.GetProperty("decision").GetProperty("action").GetString());

        var started = await StartPromotionAsync(assessment);
        var applied = await ApplyAsync(assessment);
        var promotion = await PromotionFinishedAsync(started);
        var dns = await PropagatedAsync(applied);
        var report = await VerifyAsync(assessInput, assessment, promotion, dns);

        Assert.Equal("Completed", promotion.GetProperty("status").GetString());
        Assert.True(report.GetProperty("outcome").GetString() == "Recovered", report.GetProperty("summary").GetString());
        Assert.Single(await world.Lab.RequestsAsync("rds", "FailoverGlobalCluster"));
        Assert.True(report.GetProperty("dataLoss").GetProperty("allowed").GetBoolean());
        Assert.Contains(report.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("step").GetString() == "PromotionCompleted");
        Assert.Equal(JsonValueKind.Number, report.GetProperty("rto").GetProperty("measuredSeconds").ValueKind);
    }

    /// <summary>SwitchoverStart … SwitchoverProgress: traffic moves only once the writer has (Completed → ExecuteRecovery).</summary>
    [Fact]
    public async Task Chain_PrimaryAppOutage_SwitchesTheWriterOverBeforeMovingTraffic()
    {
        await world.Lab.InjectAsync("""{"kind":"AppOutage","region":"ap-east-2"}""");
        await WaitUntilRoute53AndAlarmSeePrimaryDownAsync();
        var assessInput = JsonNode.Parse(Events.Assess(world.HealthCheckAlarm(Primary), "switchover-chain"))!;
        var assessment = (await world.InvokeAsync("HealthValidator", assessInput.ToJsonString())).Output;
        Assert.Equal("Switchover", assessment.GetProperty("decision").GetProperty("action").GetString());

        var promotion = await PromotionFinishedAsync(await StartPromotionAsync(assessment));
        Assert.Equal("Completed", promotion.GetProperty("status").GetString());
        Assert.True(promotion.GetProperty("promoted").GetBoolean());
        Assert.Equal(Secondary, (await world.Lab.StateAsync()).GetProperty("database").GetProperty("writerRegion").GetString());
        Assert.Empty(await world.Lab.RequestsAsync("route53", "ChangeResourceRecordSets"));

        var dns = await PropagatedAsync(await ApplyAsync(assessment));
        var report = await VerifyAsync(assessInput, assessment, promotion, dns);

        Assert.True(report.GetProperty("outcome").GetString() == "Recovered", report.GetProperty("summary").GetString());
        Assert.False(report.GetProperty("dataLoss").GetProperty("allowed").GetBoolean());
        var switchover = Assert.Single(await world.Lab.RequestsAsync("rds", "SwitchoverGlobalCluster"));
        var change = Assert.Single(await world.Lab.RequestsAsync("route53", "ChangeResourceRecordSets"));
        Assert.True(switchover.GetProperty("at").GetDateTimeOffset() < change.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(world.Deployment.Function("AuroraPromoter").RoleArn, switchover.GetProperty("principal").GetString());
        Assert.Equal(world.Deployment.Function("DnsUpdater").RoleArn, change.GetProperty("principal").GetString());
        Assert.Empty(await world.Lab.RequestsAsync("rds", "FailoverGlobalCluster"));
    }

    private Task WaitUntilRoute53AndAlarmSeePrimaryDownAsync() => world.Lab.WaitUntilAsync(
        state => !DrLab.RegionState(state, Primary).GetProperty("route53Healthy").GetBoolean()
            && DrLab.AlarmState(state, world.HealthCheckAlarm(Primary)) == "ALARM",
        "Route 53 and the alarm see the primary down");

    private async Task<JsonElement> StartPromotionAsync(JsonElement assessment)
    {
        var decision = assessment.GetProperty("decision");
        return (await world.InvokeAsync("AuroraPromoter", $$"""
            {"operation":"start","incidentId":"{{assessment.GetProperty("incidentId").GetString()}}","action":"{{decision.GetProperty("action").GetString()}}",
             "targetRegion":"{{decision.GetProperty("targetRegion").GetString()}}","targetClusterArn":"{{decision.GetProperty("targetClusterArn").GetString()}}",
             "allowDataLoss":{{decision.GetProperty("allowDataLoss").GetRawText()}}}
            """)).Output;
    }

    private Task<JsonElement> PromotionFinishedAsync(JsonElement started) => PollAsync(
        async () => (await world.InvokeAsync("AuroraPromoter",
            $$"""{"operation":"status","targetClusterArn":"{{started.GetProperty("targetClusterArn").GetString()}}","startedAt":"{{started.GetProperty("startedAt").GetString()}}"}""")).Output,
        status => status.GetProperty("status").GetString() != "InProgress",
        "the promotion to finish");

    private async Task<JsonElement> ApplyAsync(JsonElement assessment) => (await world.InvokeAsync("DnsUpdater", $$"""
        {"operation":"apply","incidentId":"{{assessment.GetProperty("incidentId").GetString()}}","desiredWeights":{{assessment.GetProperty("desiredWeights").GetRawText()}}}
        """)).Output;

    private Task<JsonElement> PropagatedAsync(JsonElement applied) => PollAsync(
        async () => (await world.InvokeAsync("DnsUpdater",
            $$"""{"operation":"status","changeIds":{{applied.GetProperty("changeIds").GetRawText()}},"submittedAt":"{{applied.GetProperty("submittedAt").GetString()}}"}""")).Output,
        status => status.GetProperty("status").GetString() == "INSYNC",
        "the DNS change to be INSYNC");

    private async Task<JsonElement> VerifyAsync(JsonNode assessInput, JsonElement assessment, JsonElement promotion, JsonElement dns)
    {
        var document = new JsonObject
        {
            ["trigger"] = assessInput["trigger"]!.DeepClone(),
            ["execution"] = assessInput["execution"]!.DeepClone(),
            ["assessment"] = JsonNode.Parse(assessment.GetRawText()),
            ["actions"] = new JsonObject { ["promotion"] = JsonNode.Parse(promotion.GetRawText()), ["dns"] = JsonNode.Parse(dns.GetRawText()) },
        };
        return (await world.InvokeAsync("HealthValidator", new JsonObject { ["operation"] = "verify", ["document"] = document }.ToJsonString())).Output;
    }
}
