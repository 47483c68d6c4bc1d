using DrLambdas.Integration.Tests.Support;

namespace DrLambdas.Integration.Tests;

/// <summary>DnsUpdater, the real AOT bootstrap, against the lab's Route 53.</summary>
[Collection(SharedDrWorld.Name)]
public sealed class DnsUpdaterScenarioTests(DrWorld world) : IAsyncLifetime
{
    private const string Apply = """
        {"operation":"apply","incidentId":"dr-dns","desiredWeights":[
          {"setIdentifier":"tpe","region":"ap-east-2","weight":0},{"setIdentifier":"nrt","region":"ap-northeast-1","weight":100}]}
        """;

    public Task InitializeAsync() => world.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Apply_SameWeightsTwice_SecondCallSendsNoChangeBatch()
    {
        var first = (await world.InvokeAsync("DnsUpdater", Apply)).Output;
        var changeIds = first.GetProperty("changeIds");
        Assert.Equal(1, changeIds.GetArrayLength());
        await DrWorld.PollAsync(
            async () => (await world.InvokeAsync("DnsUpdater",
                $$"""{"operation":"status","changeIds":{{changeIds.GetRawText()}},"submittedAt":"{{first.GetProperty("submittedAt").GetString()}}"}""")).Output,
            status => status.GetProperty("status").GetString() == "INSYNC",
            "propagation to INSYNC");

        var second = (await world.InvokeAsync("DnsUpdater", Apply)).Output;

        Assert.Equal(0, second.GetProperty("changeIds").GetArrayLength());
        Assert.Equal("INSYNC", second.GetProperty("status").GetString());
        Assert.Equal(2, second.GetProperty("unchanged").GetInt32());
        Assert.Single(await world.Lab.RequestsAsync("route53", "ChangeResourceRecordSets"));
        var weights = (await world.Lab.StateAsync()).GetProperty("dns").GetProperty("weights").EnumerateArray()
            .ToDictionary(weight => weight.GetProperty("setIdentifier").GetString()!, weight => weight.GetProperty("weight").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["tpe"] = 0, ["nrt"] = 100 }, weights);
    }

    [Fact]
    public async Task Apply_UnknownRecord_IsAnInputValidationErrorWithoutAnyChange()
    {
        var result = await world.InvokeAsync("DnsUpdater",
            """{"operation":"apply","incidentId":"dr-dns","desiredWeights":[{"setIdentifier":"fra","region":"eu-central-1","weight":100}]}""");

        Assert.Equal("InputValidationException", result.Body.GetProperty("errorType").GetString());
        Assert.Empty(await world.Lab.RequestsAsync("route53", "ChangeResourceRecordSets"));
    }
}
