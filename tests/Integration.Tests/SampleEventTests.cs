using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Integration.Tests.Support;

namespace DrLambdas.Integration.Tests;

/// <summary>
/// The sample events of <c>events/</c>, each invoked through the emulator on the function's real AOT bootstrap
/// against a fresh lab world: they must stay valid inputs, and the outputs must keep their contract.
/// </summary>
[Collection(SharedDrWorld.Name)]
public sealed class SampleEventTests(DrWorld world) : IAsyncLifetime
{
    public static TheoryData<string> FunctionEvents => new(FunctionBinaries.Names.SelectMany(function => SampleEvents.In(function)));

    /// <summary>What starts the failover state machine: the EventBridge alarm event and the manual documents.</summary>
    public static TheoryData<string> StartDocuments => new(SampleEvents.In("statemachine", "alarm-").Concat(SampleEvents.In("statemachine", "manual-")));

    public Task InitializeAsync() => world.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(FunctionEvents))]
    public async Task Invoke_SampleEvent_SucceedsWithTheContractFields(string sample)
    {
        var function = SampleEvents.FunctionOf(sample);
        var input = SampleEvents.Read(sample);
        var operation = input["operation"]!.GetValue<string>();
        if ((function, operation) == ("DnsUpdater", "status"))
        {
            input["changeIds"] = await SubmitSampleChangesAsync();
        }

        if ((function, operation) == ("HealthValidator", "gate"))
        {
            await WaitUntilHealthCheckAlarmOkAsync(input["region"]!.GetValue<string>());
        }

        var result = await world.InvokeAsync(function, input.ToJsonString());

        Assert.True(result.FunctionError is null, $"{sample} failed ({result.FunctionError}): {result.Body}");
        await AssertOutputAsync(function, operation, input, result.Body);
    }

    [Theory]
    [MemberData(nameof(StartDocuments))]
    public async Task Assess_StateMachineStartDocumentAsTrigger_IsAcceptedAndSummarised(string sample)
    {
        var trigger = SampleEvents.Read(sample);
        var name = $"sample-{Path.GetFileNameWithoutExtension(sample)}";
        var input = new JsonObject
        {
            ["operation"] = "assess",
            ["trigger"] = trigger.DeepClone(),
            ["execution"] = new JsonObject
            {
                ["id"] = $"arn:aws:states:{DrWorld.Secondary}:111122223333:execution:dr-failover:{name}",
                ["name"] = name,
                ["startTime"] = "2026-11-26T00:00:01Z",
            },
        };

        var result = await world.InvokeAsync("HealthValidator", input.ToJsonString());

        Assert.True(result.FunctionError is null, $"{sample} refused ({result.FunctionError}): {result.Body}");
        OutputContracts.Assessment(input, result.Body, world.Variables);
        var summary = result.Body.GetProperty("trigger");
        var mode = trigger["mode"]?.GetValue<string>();
        Assert.Equal(mode is null ? "Automatic" : PascalCase(mode), summary.GetProperty("mode").GetString());
        Assert.Equal(trigger["requestedBy"]?.GetValue<string>(), summary.GetProperty("requestedBy").GetString());
        Assert.Equal(trigger["detail"]?["alarmName"]?.GetValue<string>(), summary.GetProperty("alarmName").GetString());
        Assert.Equal(mode == "dry-run", result.Body.GetProperty("decision").GetProperty("dryRun").GetBoolean());
    }

    /// <summary>The step events are what the state machine sends (its Parameters' <c>field.$</c> paths) for the sample documents.</summary>
    [Theory]
    [InlineData("HealthValidator/assess-alarm.json", "trigger", "statemachine/alarm-state-change.json", "")]
    [InlineData("HealthValidator/assess-alarm.json", "execution", "statemachine/document-after-assess.json", "execution")]
    [InlineData("HealthValidator/assess-manual.json", "trigger", "statemachine/manual-failover.json", "")]
    [InlineData("statemachine/document-after-assess.json", "trigger", "statemachine/alarm-state-change.json", "")]
    [InlineData("statemachine/document-after-actions.json", "assessment", "statemachine/document-after-assess.json", "assessment")]
    [InlineData("statemachine/document-after-actions.json", "execution", "statemachine/document-after-assess.json", "execution")]
    [InlineData("HealthValidator/verify.json", "document", "statemachine/document-after-actions.json", "")]
    [InlineData("AuroraPromoter/start-failover.json", "incidentId", "statemachine/document-after-assess.json", "assessment.incidentId")]
    [InlineData("AuroraPromoter/start-failover.json", "action", "statemachine/document-after-assess.json", "assessment.decision.action")]
    [InlineData("AuroraPromoter/start-failover.json", "targetRegion", "statemachine/document-after-assess.json", "assessment.decision.targetRegion")]
    [InlineData("AuroraPromoter/start-failover.json", "targetClusterArn", "statemachine/document-after-assess.json", "assessment.decision.targetClusterArn")]
    [InlineData("AuroraPromoter/start-failover.json", "allowDataLoss", "statemachine/document-after-assess.json", "assessment.decision.allowDataLoss")]
    [InlineData("AuroraPromoter/status.json", "targetClusterArn", "statemachine/document-after-actions.json", "actions.promotion.targetClusterArn")]
    [InlineData("AuroraPromoter/status.json", "startedAt", "statemachine/document-after-actions.json", "actions.promotion.startedAt")]
    [InlineData("DnsUpdater/apply.json", "incidentId", "statemachine/document-after-assess.json", "assessment.incidentId")]
    [InlineData("DnsUpdater/apply.json", "desiredWeights", "statemachine/document-after-assess.json", "assessment.desiredWeights")]
    [InlineData("DnsUpdater/status.json", "changeIds", "statemachine/document-after-actions.json", "actions.dns.changeIds")]
    [InlineData("DnsUpdater/status.json", "submittedAt", "statemachine/document-after-actions.json", "actions.dns.submittedAt")]
    public void StepEvent_FieldTheStateMachineFills_EqualsTheSampleDocumentsValue(string sample, string field, string document, string path)
    {
        var expected = SampleEvents.At(SampleEvents.Read(document), path);
        var actual = SampleEvents.At(SampleEvents.Read(sample), field);

        Assert.NotNull(expected);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{sample} {field} = {actual?.ToJsonString()}, but {document} {path} = {expected.ToJsonString()}");
    }

    private async Task AssertOutputAsync(string function, string operation, JsonNode input, JsonElement output)
    {
        switch ((function, operation))
        {
            case ("HealthValidator", "assess"):
                OutputContracts.Assessment(input, output, world.Variables);
                Assert.True(input["trigger"]!["force"]?.GetValue<bool>() == true || Action(output) != "Failover", $"a fresh world's healthy primary failed over: {output}");
                break;
            case ("HealthValidator", "verify"):
                OutputContracts.Report(input, output);
                Assert.Equal("Failed", output.GetProperty("outcome").GetString()); // nothing moved in a fresh world
                break;
            case ("HealthValidator", "recovery"):
                OutputContracts.Recovery(input, output);
                Assert.False(output.TryGetProperty("plan", out var plan) && plan.ValueKind == JsonValueKind.Object && plan.GetProperty("steps").GetArrayLength() > 0,
                    $"a failback plan moves traffic although nothing failed over: {output}");
                break;
            case ("HealthValidator", "gate"):
                OutputContracts.Gate(output);
                break;
            case ("AuroraPromoter", "start"):
                OutputContracts.PromotionStart(input, output);
                await AssertStartedOnePromotionAsync(input, output);
                break;
            case ("AuroraPromoter", "status"):
                OutputContracts.PromotionStatus(input, output);
                Assert.NotEqual("Completed", output.GetProperty("status").GetString()); // the secondary is not the writer
                Assert.False(output.GetProperty("promoted").GetBoolean());
                break;
            case ("DnsUpdater", "apply"):
                OutputContracts.DnsApply(input, output);
                await AssertLabWeightsAsync(input["desiredWeights"]!);
                break;
            case ("DnsUpdater", "status"):
                OutputContracts.DnsStatus(input, output);
                break;
            default:
                Assert.Fail($"no contract check for {function} {operation}: add one for the new sample event");
                break;
        }
    }

    /// <summary>A fresh world's writer is the primary: a start toward the secondary starts exactly one promotion of its kind.</summary>
    private async Task AssertStartedOnePromotionAsync(JsonNode input, JsonElement output)
    {
        Assert.Equal("Started", output.GetProperty("outcome").GetString());
        var operation = input["action"]!.GetValue<string>() == "Failover" ? "FailoverGlobalCluster" : "SwitchoverGlobalCluster";
        Assert.Single(await world.Lab.RequestsAsync("rds", operation));
    }

    private async Task AssertLabWeightsAsync(JsonNode desiredWeights)
    {
        var expected = desiredWeights.AsArray().ToDictionary(weight => weight!["setIdentifier"]!.GetValue<string>(), weight => weight!["weight"]!.GetValue<int>());
        var actual = (await world.Lab.StateAsync()).GetProperty("dns").GetProperty("weights").EnumerateArray()
            .ToDictionary(weight => weight.GetProperty("setIdentifier").GetString()!, weight => weight.GetProperty("weight").GetInt32());
        Assert.Equal(expected, actual);
    }

    /// <summary>No fixed Route 53 change id exists in a fresh lab: the sample apply submits the changes the status event polls.</summary>
    private async Task<JsonNode> SubmitSampleChangesAsync()
    {
        var apply = (await world.InvokeAsync("DnsUpdater", SampleEvents.Read("DnsUpdater/apply.json").ToJsonString())).Output;
        var changeIds = apply.GetProperty("changeIds");
        Assert.True(changeIds.GetArrayLength() > 0, $"the sample apply changed nothing in a fresh lab: {apply}");
        return JsonNode.Parse(changeIds.GetRawText())!;
    }

    /// <summary>
    /// The gate wants Route 53's healthy verdict, which it reads from the health-check alarm; after a reset the alarm
    /// is INSUFFICIENT_DATA (no verdict, so no pass) until its first evaluation of the ingested data points.
    /// </summary>
    private Task WaitUntilHealthCheckAlarmOkAsync(string region) => world.Lab.WaitUntilAsync(
        state => DrLab.AlarmState(state, world.HealthCheckAlarm(region)) == "OK",
        $"the health-check alarm of {region} to be OK");

    private static string? Action(JsonElement assessment) => assessment.GetProperty("decision").GetProperty("action").GetString();

    /// <summary><c>dry-run</c> → <c>DryRun</c>, as the assessment spells the manual modes.</summary>
    private static string PascalCase(string kebab) =>
        string.Concat(kebab.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
