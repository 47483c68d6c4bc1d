using DrLambdas.Shared.Contracts;

namespace DrLambdas.Shared.Tests.Contracts;

/// <summary>
/// DnsUpdater output: the state machines feed <c>changeIds</c> and <c>submittedAt</c> back into <c>status</c>
/// and route on <c>status</c> (INSYNC, as Route 53 spells it) and <c>timedOut</c>.
/// </summary>
public class DnsChangeResponseTests
{
    [Fact]
    public void Write_ApplyOutput_IsTheContractDocument()
    {
        var json = ContractJson.Write(ContractSamples.DnsApply());

        ContractAssert.JsonEqual(
            """
            {"changeIds":["/change/C2682N5HXP0BZ4"],"status":"PENDING","submittedAt":"2026-11-26T00:00:03.000Z","elapsedSeconds":0,"timedOut":false,
             "changed":[{"setIdentifier":"tpe","from":70,"to":0},{"setIdentifier":"nrt","from":30,"to":100}],"unchanged":0}
            """,
            json);
    }

    [Fact]
    public void Write_StatusOutput_OmitsChangedAndUnchanged()
    {
        var json = ContractJson.WriteObject(ContractSamples.DnsStatus());

        ContractAssert.HasExactly(json, "changeIds", "status", "submittedAt", "elapsedSeconds", "timedOut");
    }

    [Theory]
    [InlineData(ChangePropagation.Pending, "PENDING")]
    [InlineData(ChangePropagation.InSync, "INSYNC")]
    public void Write_Status_WritesRoute53Spelling(ChangePropagation status, string expected)
    {
        var json = ContractJson.WriteObject(ContractSamples.DnsStatus(status));

        Assert.Equal(expected, json["status"]!.GetValue<string>());
    }

    [Fact]
    public void Write_NothingToChange_WritesEmptyChangeIdsArray()
    {
        var json = ContractJson.WriteObject(new DnsChangeResponse([], ChangePropagation.InSync, ContractSamples.T0, Changed: [], Unchanged: 2));

        ContractAssert.JsonEqual("[]", json["changeIds"]);
    }

    [Fact]
    public void Write_StatusTimedOut_WritesJsonTrue()
    {
        var json = ContractJson.WriteObject(ContractSamples.DnsStatus(ChangePropagation.Pending) with { TimedOut = true });

        Assert.True(json["timedOut"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("\"INSYNC\"", ChangePropagation.InSync)]
    [InlineData("\"PENDING\"", ChangePropagation.Pending)]
    public void Read_Route53Status_ReadsEnum(string status, ChangePropagation expected)
    {
        var response = ContractJson.Read<DnsChangeResponse>($$"""{"changeIds":[],"status":{{status}},"submittedAt":"2026-11-26T00:00:03Z"}""");

        Assert.Equal(expected, response.Status);
    }
}
