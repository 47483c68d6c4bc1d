using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Services;

/// <summary>
/// RDS (awsQuery, 2014-10-31): DescribeGlobalClusters, DescribeDBClusters, FailoverGlobalCluster and
/// SwitchoverGlobalCluster over the lab's Aurora global database.
/// </summary>
internal sealed class RdsService : IAwsService
{
    private const string Engine = "aurora-postgresql";
    private const string EngineVersion = "16.4";

    public string SigningName => "rds";

    public bool IsGlobal => false;

    public IReadOnlyCollection<AwsProtocol> Protocols { get; } = [AwsProtocol.Query];

    public string? JsonTargetPrefix => null;

    public string? RestOperation(string method, string path) => null;

    public AwsReply Handle(AwsCall call, WorldState world) => call.Operation switch
    {
        "DescribeGlobalClusters" => DescribeGlobalClusters(call, world),
        "DescribeDBClusters" => DescribeDBClusters(call, world),
        "FailoverGlobalCluster" => Failover(call, world),
        "SwitchoverGlobalCluster" => Switchover(call, world),
        _ => throw AwsErrors.UnknownOperation(AwsProtocol.Query, call.Operation),
    };

    private static AwsReply DescribeGlobalClusters(AwsCall call, WorldState world)
    {
        ValidateMaxRecords(call);
        if (call.Param("GlobalClusterIdentifier") is { } id)
        {
            RequireGlobalCluster(id, world);
        }

        return QueryReplies.Envelope("rds", call, xml =>
        {
            xml.Start("GlobalClusters").Start("GlobalClusterMember");
            WriteGlobalCluster(xml, world);
            xml.End().End();
        });
    }

    private static AwsReply DescribeDBClusters(AwsCall call, WorldState world)
    {
        ValidateMaxRecords(call);
        var definition = world.Definition;
        if (call.Param("DBClusterIdentifier") is { } id
            && !string.Equals(definition.RegionOfCluster(id), call.Region, StringComparison.Ordinal))
        {
            throw new LabError("DBClusterNotFoundFault", $"DBCluster {id} not found.", 404);
        }

        return QueryReplies.Envelope("rds", call, xml =>
        {
            xml.Start("DBClusters");
            WriteCluster(xml, world, call.Region);
            xml.End();
        });
    }

    private static AwsReply Failover(AwsCall call, WorldState world)
    {
        var globalId = QueryReplies.Required(call, "GlobalClusterIdentifier");
        var target = QueryReplies.Required(call, "TargetDbClusterIdentifier");
        var allowDataLoss = QueryParameters.Bool(call.Parameters, "AllowDataLoss");
        var switchover = QueryParameters.Bool(call.Parameters, "Switchover");
        if (allowDataLoss is not null && switchover is not null)
        {
            throw new LabError("InvalidParameterCombination",
                "AllowDataLoss and Switchover can't be specified together: use AllowDataLoss for a failover or Switchover for a switchover.");
        }

        var kind = allowDataLoss == true ? PromotionKind.Failover : PromotionKind.Switchover;
        return Promote(call, world, globalId, target, kind);
    }

    private static AwsReply Switchover(AwsCall call, WorldState world) => Promote(
        call, world,
        QueryReplies.Required(call, "GlobalClusterIdentifier"),
        QueryReplies.Required(call, "TargetDbClusterIdentifier"),
        PromotionKind.Switchover);

    private static AwsReply Promote(AwsCall call, WorldState world, string globalId, string target, PromotionKind kind)
    {
        RequireGlobalCluster(globalId, world);
        var targetRegion = world.Definition.RegionOfCluster(target)
            ?? throw new LabError("DBClusterNotFoundFault", $"DBCluster {target} not found.", 404);
        var operation = world.StartPromotion(kind, targetRegion);
        var reply = QueryReplies.Envelope("rds", call, xml =>
        {
            xml.Start("GlobalCluster");
            WriteGlobalCluster(xml, world);
            xml.End();
        });
        return reply with { LogDetail = $"{operation.Id} {kind} to {targetRegion}" };
    }

    private static void RequireGlobalCluster(string id, WorldState world)
    {
        if (!string.Equals(id, world.Definition.GlobalClusterId, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(id, world.Definition.GlobalClusterArn, StringComparison.Ordinal))
        {
            throw new LabError("GlobalClusterNotFoundFault", $"Global cluster {id} not found.", 404);
        }
    }

    private static void ValidateMaxRecords(AwsCall call)
    {
        if (QueryParameters.Int(call.Parameters, "MaxRecords") is { } max && (max < 20 || max > 100))
        {
            throw new LabError("InvalidParameterValue", $"Invalid value {max} for MaxRecords. Must be between 20 and 100");
        }
    }

    private static void WriteGlobalCluster(XmlOut xml, WorldState world)
    {
        var definition = world.Definition;
        var database = world.Database;
        var conditions = world.Conditions;
        xml.Element("GlobalClusterIdentifier", definition.GlobalClusterId)
            .Element("GlobalClusterResourceId", "cluster-drlab0global0resource")
            .Element("GlobalClusterArn", definition.GlobalClusterArn)
            .Element("Status", database.Status)
            .Element("Engine", Engine)
            .Element("EngineVersion", EngineVersion)
            .Element("DatabaseName", "app")
            .Element("StorageEncrypted", true)
            .Element("DeletionProtection", false)
            .Start("GlobalClusterMembers");
        foreach (var region in definition.Regions.Where(database.IsMember))
        {
            var isWriter = string.Equals(region, database.WriterRegion, StringComparison.Ordinal);
            xml.Start("GlobalClusterMember")
                .Element("DBClusterArn", definition.ClusterArn(region))
                .Start("Readers");
            if (isWriter && database.IsMember(definition.OtherRegion(region)))
            {
                xml.Element("member", definition.ClusterArn(definition.OtherRegion(region)));
            }

            xml.End()
                .Element("IsWriter", isWriter)
                .Element("GlobalWriteForwardingStatus", "disabled")
                .Element("SynchronizationStatus", database.SynchronizationStatus(region))
                .End();
        }

        xml.End().Element("Endpoint", definition.GlobalWriterEndpoint);
        if (database.Current is { } op)
        {
            xml.Start("FailoverState")
                .Element("Status", op.FailoverStatus)
                .Element("FromDbClusterArn", definition.ClusterArn(op.FromRegion))
                .Element("ToDbClusterArn", definition.ClusterArn(op.ToRegion))
                .Element("IsDataLossAllowed", op.Kind == PromotionKind.Failover)
                .End();
        }

        xml.Start("TagList").End();
    }

    /// <summary>
    /// The DB cluster's documented Status: <c>failing-over</c> while its database is down (Aurora's answer to a failed
    /// writer is a failover to an Aurora Replica, and in the lab that recovery does not succeed until the outage
    /// ends), <c>available</c> otherwise. A Region outage makes the endpoint itself unreachable.
    /// </summary>
    public static string ClusterStatus(WorldState world, string region) =>
        world.Conditions.IsDatabaseUp(region) ? "available" : "failing-over";

    private static void WriteCluster(XmlOut xml, WorldState world, string region)
    {
        var definition = world.Definition;
        var isWriter = string.Equals(region, world.Database.WriterRegion, StringComparison.Ordinal);
        xml.Start("DBCluster")
            .Element("AllocatedStorage", 1)
            .Start("AvailabilityZones")
            .Element("AvailabilityZone", region + "a")
            .Element("AvailabilityZone", region + "b")
            .Element("AvailabilityZone", region + "c")
            .End()
            .Element("BackupRetentionPeriod", 7)
            .Element("DatabaseName", "app")
            .Element("DBClusterIdentifier", definition.ClusterId(region))
            .Element("DBClusterParameterGroup", "default.aurora-postgresql16")
            .Element("Status", ClusterStatus(world, region))
            .Element("Endpoint", definition.ClusterEndpoint(region))
            .Element("ReaderEndpoint", definition.ClusterReaderEndpoint(region))
            .Element("MultiAZ", true)
            .Element("Engine", Engine)
            .Element("EngineVersion", EngineVersion)
            .Element("Port", 5432)
            .Start("DBClusterMembers");
        for (var index = 1; index <= 2; index++)
        {
            xml.Start("DBClusterMember")
                .Element("DBInstanceIdentifier", definition.InstanceId(region, index))
                .Element("IsClusterWriter", isWriter && index == 1)
                .Element("DBClusterParameterGroupStatus", "in-sync")
                .Element("PromotionTier", 1)
                .End();
        }

        xml.End()
            .Element("StorageEncrypted", true)
            .Element("DbClusterResourceId", "cluster-drlab-" + region)
            .Element("DBClusterArn", definition.ClusterArn(region))
            .Element("ClusterCreateTime", world.Epoch)
            .Element("EngineMode", "provisioned")
            .Start("TagList").End()
            .Element("GlobalClusterIdentifier", world.Database.IsMember(region) ? definition.GlobalClusterId : null)
            .End();
    }
}
