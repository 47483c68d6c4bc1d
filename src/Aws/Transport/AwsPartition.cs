namespace DrLambdas.Aws.Transport;

/// <summary>The facts of an AWS partition that endpoint resolution needs.</summary>
/// <param name="DnsSuffix">Domain of the partition's endpoints.</param>
/// <param name="GlobalSigningRegion">Region that signs calls to global services such as Route 53.</param>
/// <param name="GlobalEndpointLabel">Label between the service prefix and the suffix for global endpoints (e.g. <c>us-gov.</c>).</param>
internal sealed record AwsPartition(string DnsSuffix, string GlobalSigningRegion, string GlobalEndpointLabel)
{
    private static readonly AwsPartition Commercial = new("amazonaws.com", "us-east-1", string.Empty);
    private static readonly AwsPartition China = new("amazonaws.com.cn", "cn-northwest-1", string.Empty);
    private static readonly AwsPartition GovCloud = new("amazonaws.com", "us-gov-west-1", "us-gov.");

    public static AwsPartition Of(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? China
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? GovCloud
        : Commercial;
}
