namespace DrLambdas.Shared.Domain;

/// <summary>The Aurora global database as seen by <c>DescribeGlobalClusters</c>.</summary>
/// <param name="GlobalClusterId">The global cluster identifier.</param>
/// <param name="Members">The Regional clusters; empty when the describe call failed.</param>
/// <param name="OperationInProgress">A failover or switchover under way, if any.</param>
public sealed record GlobalClusterView(
    string GlobalClusterId,
    IReadOnlyList<ClusterMember> Members,
    GlobalOperation? OperationInProgress)
{
    /// <summary>The current writer, or null when none is reported.</summary>
    public ClusterMember? Writer => Members.FirstOrDefault(member => member.IsWriter);

    /// <summary>The member in <paramref name="region"/>, or null.</summary>
    public ClusterMember? MemberIn(string region) =>
        Members.FirstOrDefault(member => string.Equals(member.Region, region, StringComparison.Ordinal));
}
