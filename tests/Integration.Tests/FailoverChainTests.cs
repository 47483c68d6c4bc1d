using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Integration.Tests.Support;
using static DrLambdas.Integration.Tests.Support.DrWorld;

namespace DrLambdas.Integration.Tests;

/// <summary>
/// The failover state machine's path played by hand over the three real bootstraps: assess, promote and move
/// traffic, verify. Each step reads the execution document the way the ASL passes it.
/// </summary>
[Collection(SharedDrWorld.Name)]
public sealed class FailoverChainTests(DrWorld world) : IAsyncLifetime
{
    public Task InitializeAsync() => world.Lab.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Chain_PrimaryRegionOutage_FailsOverAndVerifiesRecovered()
    {
        await world.Lab.InjectAsync("""{"kind":"RegionOutage","region":"ap-east-2"}""");
        await world.Lab.WaitUntilAsync(
            state => !DrLab.RegionState(state, Primary).GetProperty("route53Healthy").GetBoolean() && DrLab.AlarmState(state, Events.AlarmName(Primary)) == "ALARM",
            "Route 53 and the alarm see the primary down");
        var assessInput = JsonNode.Parse(Events.Assess(Events.AlarmName(Primary), "chain"))!;
        var assessment = (await world.InvokeAsync("HealthValidator", assessInput.ToJsonString())).Output;
        var decision = assessment.GetProperty("decision");
        Assert.Equal("Failover", decision.GetProperty("action").GetString());

        var started = (await world.InvokeAsync("AuroraPromoter", $$"""
            {"operation":"start","incidentId":"{{assessment.GetProperty("incidentId").GetString()}}","action":"Failover",
             "targetRegion":"{{decision.GetProperty("targetRegion").GetString()}}","targetClusterArn":"{{decision.GetProperty("targetClusterArn").GetString()}}",
             "allowDataLoss":true}
            """)).Output;
        var applied = (await world.InvokeAsync("DnsUpdater", $$"""
            {"operation":"apply","incidentId":"{{assessment.GetProperty("incidentId").GetString()}}","desiredWeights":{{assessment.GetProperty("desiredWeights").GetRawText()}}}
            """)).Output;
        var promotion = await PollAsync(
            async () => (await world.InvokeAsync("AuroraPromoter",
                $$"""{"operation":"status","targetClusterArn":"{{started.GetProperty("targetClusterArn").GetString()}}","startedAt":"{{started.GetProperty("startedAt").GetString()}}"}""")).Output,
            status => status.GetProperty("status").GetString() != "InProgress",
            "the failover to finish");
        var dns = await PollAsync(
            async () => (await world.InvokeAsync("DnsUpdater",
                $$"""{"operation":"status","changeIds":{{applied.GetProperty("changeIds").GetRawText()}},"submittedAt":"{{applied.GetProperty("submittedAt").GetString()}}"}""")).Output,
            status => status.GetProperty("status").GetString() == "INSYNC",
            "the DNS change to be INSYNC");

        var document = new JsonObject
        {
            ["trigger"] = assessInput["trigger"]!.DeepClone(),
            ["execution"] = assessInput["execution"]!.DeepClone(),
            ["assessment"] = JsonNode.Parse(assessment.GetRawText()),
            ["actions"] = new JsonObject { ["promotion"] = JsonNode.Parse(promotion.GetRawText()), ["dns"] = JsonNode.Parse(dns.GetRawText()) },
        };
        var report = (await world.InvokeAsync("HealthValidator", new JsonObject { ["operation"] = "verify", ["document"] = document }.ToJsonString())).Output;

        Assert.Equal("Completed", promotion.GetProperty("status").GetString());
        Assert.True(report.GetProperty("outcome").GetString() == "Recovered", report.GetProperty("summary").GetString());
        Assert.Single(await world.Lab.RequestsAsync("rds", "FailoverGlobalCluster"));
        Assert.True(report.GetProperty("dataLoss").GetProperty("allowed").GetBoolean());
        Assert.Contains(report.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("step").GetString() == "PromotionCompleted");
        Assert.Equal(JsonValueKind.Number, report.GetProperty("rto").GetProperty("measuredSeconds").ValueKind);
    }
}
