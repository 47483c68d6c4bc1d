using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Iam;

/// <summary>
/// Amazon RDS's actions and resources: clusters (arn:aws:rds:REGION:ACCOUNT:cluster:ID, or cluster:* when
/// DescribeDBClusters names none) and global clusters (arn:aws:rds::ACCOUNT:global-cluster:ID); failover and
/// switchover need both the global cluster and the target cluster.
/// </summary>
internal sealed class RdsAuthorization : IServiceAuthorization
{
    public string SigningName => "rds";

    public IReadOnlyList<RequiredPermission> Permissions(AwsCall call, WorldState world)
    {
        var action = "rds:" + call.Operation;
        return call.Operation switch
        {
            "DescribeDBClusters" =>
                [new RequiredPermission(action, [ClusterArn(call.Param("DBClusterIdentifier") ?? "*", call, world)])],
            "DescribeGlobalClusters" =>
                [new RequiredPermission(action, [GlobalClusterArn(call.Param("GlobalClusterIdentifier") ?? "*")])],
            "FailoverGlobalCluster" or "SwitchoverGlobalCluster" =>
            [
                new RequiredPermission(action, new[]
                {
                    call.Param("GlobalClusterIdentifier") is { } global ? GlobalClusterArn(global) : null,
                    call.Param("TargetDbClusterIdentifier") is { } target ? ClusterArn(target, call, world) : null,
                }.OfType<string>().DefaultIfEmpty("*").ToList()),
            ],
            _ => [new RequiredPermission(action, RequiredPermission.AnyResource)],
        };
    }

    /// <summary>A cluster ARN; a bare identifier is the lab cluster's Region when it is one, else the call's Region.</summary>
    private static string ClusterArn(string identifier, AwsCall call, WorldState world) => ArnBuilder.OrArn(identifier, id =>
    {
        var region = world.Definition.RegionOfCluster(id) ?? call.Region;
        return $"arn:{ArnBuilder.Partition}:rds:{region}:{WorldDefinition.AccountId}:cluster:{(id == "*" ? id : id.ToLowerInvariant())}";
    });

    /// <summary>Global cluster ARNs have no Region; RDS stores identifiers in lower case.</summary>
    private static string GlobalClusterArn(string identifier) => ArnBuilder.OrArn(identifier, id =>
        $"arn:{ArnBuilder.Partition}:rds::{WorldDefinition.AccountId}:global-cluster:{(id == "*" ? id : id.ToLowerInvariant())}");
}
