using DrLambdas.Aws.Protocols;
using DrLambdas.Aws.Transport;

namespace DrLambdas.Aws.Rds;

/// <summary>RDS over awsQuery (API version 2014-10-31).</summary>
internal sealed class RdsClient(AwsServiceTransport transport) : IRdsClient
{
    private const string ApiVersion = "2014-10-31";
    private readonly AwsQueryProtocol _query = new(transport, ApiVersion);

    public async Task<IReadOnlyList<GlobalCluster>> DescribeGlobalClustersAsync(
        string? globalClusterIdentifier = null, string? region = null, CancellationToken cancellationToken = default)
    {
        var clusters = new List<GlobalCluster>();
        string? marker = null;
        do
        {
            var parameters = new AwsQueryParameters()
                .Add("GlobalClusterIdentifier", OptionalIdentifier(globalClusterIdentifier, nameof(globalClusterIdentifier)))
                .Add("Marker", marker);
            (marker, var page) = await _query.InvokeAsync(
                "DescribeGlobalClusters", parameters, region,
                result => (result.Text("Marker"), result.Items("GlobalClusters").Select(RdsXmlReader.GlobalCluster).ToList()),
                cancellationToken);
            clusters.AddRange(page);
        }
        while (!string.IsNullOrEmpty(marker));

        return clusters;
    }

    public async Task<IReadOnlyList<DbCluster>> DescribeDbClustersAsync(
        string? dbClusterIdentifier = null, string? region = null, CancellationToken cancellationToken = default)
    {
        var clusters = new List<DbCluster>();
        string? marker = null;
        do
        {
            var parameters = new AwsQueryParameters()
                .Add("DBClusterIdentifier", OptionalIdentifier(dbClusterIdentifier, nameof(dbClusterIdentifier)))
                .Add("Marker", marker);
            (marker, var page) = await _query.InvokeAsync(
                "DescribeDBClusters", parameters, region,
                result => (result.Text("Marker"), result.Items("DBClusters").Select(RdsXmlReader.DbCluster).ToList()),
                cancellationToken);
            clusters.AddRange(page);
        }
        while (!string.IsNullOrEmpty(marker));

        return clusters;
    }

    public Task<GlobalCluster> FailoverGlobalClusterAsync(
        FailoverGlobalClusterRequest request, string? region = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Mode))
        {
            throw new ArgumentException($"Unknown failover mode {request.Mode}.", nameof(request));
        }

        var parameters = new AwsQueryParameters()
            .Add("GlobalClusterIdentifier", RequiredIdentifier(request.GlobalClusterIdentifier, nameof(request.GlobalClusterIdentifier)))
            .Add("TargetDbClusterIdentifier", RequiredIdentifier(request.TargetDbClusterIdentifier, nameof(request.TargetDbClusterIdentifier)))
            .Add(request.Mode == GlobalClusterFailoverMode.AllowDataLoss ? "AllowDataLoss" : "Switchover", true);
        return InvokeForGlobalClusterAsync("FailoverGlobalCluster", parameters, region, cancellationToken);
    }

    public Task<GlobalCluster> SwitchoverGlobalClusterAsync(
        string globalClusterIdentifier, string targetDbClusterIdentifier, string? region = null, CancellationToken cancellationToken = default)
    {
        var parameters = new AwsQueryParameters()
            .Add("GlobalClusterIdentifier", RequiredIdentifier(globalClusterIdentifier, nameof(globalClusterIdentifier)))
            .Add("TargetDbClusterIdentifier", RequiredIdentifier(targetDbClusterIdentifier, nameof(targetDbClusterIdentifier)));
        return InvokeForGlobalClusterAsync("SwitchoverGlobalCluster", parameters, region, cancellationToken);
    }

    private Task<GlobalCluster> InvokeForGlobalClusterAsync(
        string action, AwsQueryParameters parameters, string? region, CancellationToken cancellationToken) =>
        _query.InvokeAsync(
            action, parameters, region,
            result => RdsXmlReader.GlobalCluster(result.RequiredChild("GlobalCluster")),
            cancellationToken);

    private static string RequiredIdentifier(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is required.", name) : value;

    private static string? OptionalIdentifier(string? value, string name) =>
        value is not null && string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be blank.", name) : value;
}
