using System.Xml.Linq;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Services;

public class RdsServiceTests
{
    private static readonly RdsService Rds = new();

    [Fact]
    public void SwitchoverGlobalCluster_PrimaryDatabaseDown_AcceptedWithFailoverStatePending()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.DatabaseOutage, 0, null, LabFixture.Primary));

        var reply = lab.Query(Rds, LabFixture.Secondary, "SwitchoverGlobalCluster",
            ("GlobalClusterIdentifier", lab.Definition.GlobalClusterId),
            ("TargetDbClusterIdentifier", lab.Definition.ClusterArn(LabFixture.Secondary)));

        Assert.Equal(200, reply.Status);
        Assert.Equal("pending", Value(reply.Body, "FailoverState", "Status"));
    }

    [Fact]
    public void DescribeGlobalClusters_RefusedSwitchover_ShowsCancellingThenNoOperation()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.Partition, 0, null));
        lab.Query(Rds, LabFixture.Secondary, "SwitchoverGlobalCluster",
            ("GlobalClusterIdentifier", lab.Definition.GlobalClusterId),
            ("TargetDbClusterIdentifier", lab.Definition.ClusterArn(LabFixture.Secondary)));

        lab.Advance(10);
        var cancelling = lab.Query(Rds, LabFixture.Secondary, "DescribeGlobalClusters").Body;
        lab.Advance(30);
        var after = lab.Query(Rds, LabFixture.Secondary, "DescribeGlobalClusters").Body;

        Assert.Equal("cancelling", Value(cancelling, "FailoverState", "Status"));
        Assert.Null(Value(after, "FailoverState", "Status"));
        Assert.Equal("available", Value(after, "GlobalClusterMember", "Status"));
    }

    [Fact]
    public void DescribeDBClusters_DatabaseOutage_StatusFailingOverUntilTheDatabaseIsBack()
    {
        var lab = new LabFixture();
        lab.Inject(new FaultSpec(FaultKind.DatabaseOutage, 0, 100, LabFixture.Secondary));

        var during = Value(lab.Query(Rds, LabFixture.Secondary, "DescribeDBClusters").Body, "DBCluster", "Status");
        lab.Advance(100);
        var after = Value(lab.Query(Rds, LabFixture.Secondary, "DescribeDBClusters").Body, "DBCluster", "Status");

        Assert.Equal("failing-over", during);
        Assert.Equal("available", after);
    }

    private static string? Value(string xml, string parent, string child) => XElement.Parse(xml).Descendants()
        .Where(e => e.Name.LocalName == parent)
        .Select(e => e.Elements().FirstOrDefault(c => c.Name.LocalName == child)?.Value)
        .FirstOrDefault(v => v is not null);
}
