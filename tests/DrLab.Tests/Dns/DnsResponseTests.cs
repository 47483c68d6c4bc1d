using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using DrLambdas.DrLab.Dns;
using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.Tests.Dns;

/// <summary>The DNS server's responses to queries it cannot answer normally, built without the network.</summary>
public class DnsResponseTests
{
    private readonly LabFixture _lab = new(TimeProfile.Fast);

    [Fact]
    public void Respond_NotAQuery_IsNotImplemented()
    {
        var query = Query("api.example.com", RecordType.A);
        query.OperationCode = OperationCode.Notify;

        Assert.Equal(ReturnCode.NotImplemented, LabDnsServer.Respond(query, _lab.World, 0).ReturnCode);
    }

    [Fact]
    public void Respond_TwoQuestions_IsFormatError()
    {
        var query = Query("api.example.com", RecordType.A);
        query.Questions.Add(new DnsQuestion(DomainName.Parse("example.com"), RecordType.Ns, RecordClass.INet));

        Assert.Equal(ReturnCode.FormatError, LabDnsServer.Respond(query, _lab.World, 0).ReturnCode);
    }

    [Fact]
    public void Respond_ChaosClass_IsRefused()
    {
        var query = new DnsMessage();
        query.Questions.Add(new DnsQuestion(DomainName.Parse("api.example.com"), RecordType.A, RecordClass.Chaos));

        Assert.Equal(ReturnCode.Refused, LabDnsServer.Respond(query, _lab.World, 0).ReturnCode);
    }

    [Theory]
    // Candidates in set-identifier order: nrt (secondary, 30) then tpe (primary, 70).
    [InlineData(0.0, "198.51.100.10")]
    [InlineData(0.29, "198.51.100.10")]
    [InlineData(0.3, "192.0.2.10")]
    [InlineData(0.999, "192.0.2.10")]
    public void Respond_Draw_ChoosesTheWeightedRecordItFallsOn(double draw, string address)
    {
        var response = LabDnsServer.Respond(Query("API.Example.com", RecordType.A), _lab.World, draw);

        var record = Assert.IsType<ARecord>(Assert.Single(response.AnswerRecords));
        Assert.Equal(address, record.Address.ToString());
        Assert.Equal(60, record.TimeToLive);
        Assert.True(response.IsAuthoritiveAnswer);
    }

    private static DnsMessage Query(string name, RecordType type)
    {
        var query = new DnsMessage();
        query.Questions.Add(new DnsQuestion(DomainName.Parse(name), type, RecordClass.INet));
        return query;
    }
}
