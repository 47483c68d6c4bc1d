using System.Xml.Linq;
using DrLambdas.DrLab.Control;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Control;

public class MisconfigurationsTests
{
    private static readonly RdsService Rds = new();

    [Fact]
    public void DetachCluster_Secondary_LeavesTheWriterAloneInTheGlobalClusterUntilReset()
    {
        var lab = new LabFixture();

        lab.Run(state => Misconfigurations.Apply(new MisconfigurationDocument("DetachCluster", LabFixture.Secondary, null, null), state));
        var detached = MemberArns(lab);
        lab.World.Reset();

        Assert.Equal([lab.Definition.ClusterArn(lab.Definition.PrimaryRegion)], detached);
        Assert.Equal(2, MemberArns(lab).Count);
    }

    [Fact]
    public void DetachCluster_Writer_IsRefusedAsRemoveFromGlobalClusterRefusesIt()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => lab.Run(state =>
            Misconfigurations.Apply(new MisconfigurationDocument("DetachCluster", lab.Definition.PrimaryRegion, null, null), state)));

        Assert.Equal("InvalidGlobalClusterStateFault", error.Code);
    }

    [Fact]
    public void Apply_UnknownKind_NamesTheKinds()
    {
        var lab = new LabFixture();

        var error = Assert.Throws<LabError>(() => lab.Run(state => Misconfigurations.Apply(new MisconfigurationDocument("Unplug", null, null, null), state)));

        Assert.Equal("InvalidMisconfiguration", error.Code);
        Assert.Contains("DetachCluster (region)", error.Message, StringComparison.Ordinal);
    }

    private static List<string> MemberArns(LabFixture lab) =>
        XElement.Parse(lab.Query(Rds, LabFixture.Secondary, "DescribeGlobalClusters").Body).Descendants()
            .Where(e => e.Name.LocalName == "GlobalClusterMember" && e.Parent?.Name.LocalName == "GlobalClusterMembers")
            .Select(e => e.Elements().Single(child => child.Name.LocalName == "DBClusterArn").Value)
            .ToList();
}
