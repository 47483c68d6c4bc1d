using System.Xml.Linq;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Rds;

/// <summary>Maps RDS XML elements to the model records.</summary>
internal static class RdsXmlReader
{
    public static GlobalCluster GlobalCluster(XElement element) => new(
        element.RequiredText("GlobalClusterIdentifier"),
        element.Text("GlobalClusterArn"),
        element.Text("Status"),
        element.Text("Engine"),
        element.Text("EngineVersion"),
        element.Text("Endpoint"),
        element.Items("GlobalClusterMembers").Select(GlobalClusterMember).ToList(),
        element.Child("FailoverState") is { HasElements: true } state ? FailoverState(state) : null);

    public static DbCluster DbCluster(XElement element) => new(
        element.RequiredText("DBClusterIdentifier"),
        element.Text("DBClusterArn"),
        element.Text("Status"),
        element.Text("Engine"),
        element.Text("EngineVersion"),
        element.Text("Endpoint"),
        element.Text("ReaderEndpoint"),
        element.Int("Port"),
        element.Text("GlobalClusterIdentifier"),
        element.Text("ReplicationSourceIdentifier"),
        element.Items("DBClusterMembers")
            .Select(m => new DbClusterMember(m.RequiredText("DBInstanceIdentifier"), m.Bool("IsClusterWriter") ?? false, m.Int("PromotionTier")))
            .ToList());

    private static GlobalClusterMember GlobalClusterMember(XElement element) => new(
        element.RequiredText("DBClusterArn"),
        element.Bool("IsWriter") ?? false,
        element.Items("Readers").Select(r => r.Value).ToList(),
        element.Text("SynchronizationStatus"),
        element.Text("GlobalWriteForwardingStatus"));

    private static GlobalClusterFailoverState FailoverState(XElement element) => new(
        element.Text("Status"),
        element.Text("FromDbClusterArn"),
        element.Text("ToDbClusterArn"),
        element.Bool("IsDataLossAllowed") ?? false);
}
