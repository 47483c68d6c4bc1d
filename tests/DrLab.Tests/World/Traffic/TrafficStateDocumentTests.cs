using System.Text.Json;
using DrLambdas.DrLab.Control;
using DrLambdas.DrLab.Time;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World.Traffic;

public class TrafficStateDocumentTests
{
    private static JsonElement Traffic(TrafficLab lab)
    {
        var json = lab.Run(s => JsonSerializer.Serialize(StateDocuments.State(s), LabJsonContext.Default.LabStateDocument));
        return JsonDocument.Parse(json).RootElement.GetProperty("traffic").Clone();
    }

    [Fact]
    public void State_Traffic_HasTheContractShape()
    {
        var lab = new TrafficLab();
        lab.AdvanceTo(3.5);

        var traffic = Traffic(lab);

        Assert.Equal(
            ["clients", "applicationName", "readsPerClientPerSecond", "writesPerClientPerSecond", "writerEndpoint", "seconds", "failedReads", "failedWrites"],
            traffic.EnumerateObject().Select(p => p.Name));
        Assert.Equal(200, traffic.GetProperty("clients").GetInt32());
        Assert.Equal("api.example.com.", traffic.GetProperty("applicationName").GetString());
        Assert.Equal(1, traffic.GetProperty("readsPerClientPerSecond").GetInt32());
        var endpoint = traffic.GetProperty("writerEndpoint");
        Assert.Equal(["name", "ttlSeconds", "repointSeconds", "reconnectSeconds", "writerRegion", "available"],
            endpoint.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, endpoint.GetProperty("ttlSeconds").GetDouble());
        Assert.Equal(LabFixture.Primary, endpoint.GetProperty("writerRegion").GetString());
        Assert.True(endpoint.GetProperty("available").GetBoolean());
        var seconds = traffic.GetProperty("seconds").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], seconds.Select(s => s.GetProperty("second").GetInt64()));
        Assert.Equal(["second", "at", "reads", "readsOk", "writes", "writesOk"], seconds[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 1, TimeSpan.Zero), seconds[1].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(200, seconds[2].GetProperty("reads").GetInt32());
        Assert.Equal(0, traffic.GetProperty("failedReads").GetInt64());
    }

    [Fact]
    public void State_FastProfile_SecondsInModelSecondsStampedWithWallStarts()
    {
        var lab = new TrafficLab(profile: TimeProfile.Fast);
        lab.AdvanceTo(1);

        var seconds = Traffic(lab).GetProperty("seconds").EnumerateArray().ToList();

        Assert.Equal(30, seconds.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero) + TimeSpan.FromSeconds(29 / 30.0),
            seconds[29].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public void State_FailedTotals_CountTheFailedRequestsOfTheListedSeconds()
    {
        var lab = new TrafficLab();
        lab.Inject(new FaultSpec(FaultKind.AppOutage, 0, null, LabFixture.Primary));
        lab.AdvanceTo(10);

        var traffic = Traffic(lab);
        var seconds = traffic.GetProperty("seconds").EnumerateArray().ToList();

        Assert.Equal(seconds.Sum(s => s.GetProperty("reads").GetInt32() - s.GetProperty("readsOk").GetInt32()),
            traffic.GetProperty("failedReads").GetInt64());
        Assert.True(traffic.GetProperty("failedWrites").GetInt64() > 0);
    }

    [Fact]
    public void Reset_AfterTraffic_StartsTheSecondsOver()
    {
        var lab = new TrafficLab();
        lab.Inject(new FaultSpec(FaultKind.AppOutage, 0, null, LabFixture.Primary));
        lab.AdvanceTo(10);

        lab.World.Reset();
        lab.Advance(2);
        var traffic = Traffic(lab);

        Assert.Equal(2, traffic.GetProperty("seconds").GetArrayLength());
        Assert.Equal(0, traffic.GetProperty("failedReads").GetInt64());
    }
}
