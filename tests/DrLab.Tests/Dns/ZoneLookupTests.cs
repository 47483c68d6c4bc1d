using DrLambdas.DrLab.Dns;
using DrLambdas.DrLab.Time;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Dns;

public class ZoneLookupTests
{
    private readonly LabFixture _lab = new(TimeProfile.Fast);

    [Fact]
    public void Find_ApplicationName_IsTheWeightedPairByWeight()
    {
        var lookup = Find("api.example.com.", "A");

        Assert.Equal(ZoneLookupStatus.Answer, lookup.Status);
        Assert.Equal(nameof(WeightedRule.HealthyByWeight), lookup.Rule);
        Assert.Equal(0.7, lookup.Candidates.Single(c => c.Record.SetIdentifier == "tpe").Probability, 12);
        Assert.Equal(0.3, lookup.Candidates.Single(c => c.Record.SetIdentifier == "nrt").Probability, 12);
    }

    [Fact]
    public void Find_UnknownNameInTheZone_IsNxDomainWithTheZoneSoa()
    {
        var lookup = Find("nope.example.com.", "A");

        Assert.Equal(ZoneLookupStatus.NxDomain, lookup.Status);
        Assert.Equal("SOA", lookup.Soa?.Type);
    }

    [Fact]
    public void Find_ExistingNameOtherType_IsNoData()
    {
        Assert.Equal(ZoneLookupStatus.NoData, Find("api.example.com.", "TXT").Status);
    }

    [Fact]
    public void Find_EmptyNonTerminal_IsNoData()
    {
        Apply(Simple("deep.a.example.com.", "TXT", "\"x\""));

        Assert.Equal(ZoneLookupStatus.NoData, Find("a.example.com.", "A").Status);
    }

    [Fact]
    public void Find_NameOutsideTheZone_IsOutsideZone()
    {
        Assert.Equal(ZoneLookupStatus.OutsideZone, Find("api.example.org.", "A").Status);
        Assert.Equal(ZoneLookupStatus.OutsideZone, Find("notexample.com.", "A").Status);
    }

    [Fact]
    public void Find_SimpleRecordSet_IsAnsweredAsItIsWithRuleSimple()
    {
        Apply(Simple("www.example.com.", "A", "203.0.113.5", "203.0.113.6"));

        var lookup = Find("www.example.com.", "A");

        Assert.Equal(ZoneLookup.SimpleRule, lookup.Rule);
        Assert.Equal(["203.0.113.5", "203.0.113.6"], Assert.Single(lookup.Candidates).Record.Values);
    }

    [Fact]
    public void Find_CnameAtTheName_AnswersOtherTypesWithTheCname()
    {
        Apply(Simple("alias.example.com.", "CNAME", "api.example.com."));

        var lookup = Find("alias.example.com.", "A");

        Assert.Equal("CNAME", lookup.Type);
        Assert.Equal("api.example.com.", Assert.Single(lookup.Candidates).Record.Values[0]);
    }

    [Fact]
    public void Find_PrimaryHealthCheckUnhealthy_LeavesOnlyTheSecondary()
    {
        var primaryCheck = _lab.Definition.HealthCheckIds[LabFixture.Primary];

        var lookup = _lab.Run(s => ZoneLookup.Find(s.Zone, "example.com.", "api.example.com.", "A", id => id != primaryCheck));

        var chosen = lookup.Candidates.Single(c => c.Probability > 0);
        Assert.Equal("nrt", chosen.Record.SetIdentifier);
        Assert.Equal(1, chosen.Probability);
    }

    private ZoneLookup Find(string name, string type) =>
        _lab.Run(s => ZoneLookup.Find(s.Zone, "example.com.", name, type, s.Checkers.IsHealthCheckHealthy));

    private void Apply(ResourceRecordSet set) =>
        _lab.Run(s => s.Zone.Apply([new RecordChange("CREATE", set)], null, s.Now, s.Conditions));

    private static ResourceRecordSet Simple(string name, string type, params string[] values) =>
        new(name, type, null, null, 300, values, null, null, null, null);
}
