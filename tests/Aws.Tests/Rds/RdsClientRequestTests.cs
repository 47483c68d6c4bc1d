using DrLambdas.Aws.Rds;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.Rds;

public sealed class RdsClientRequestTests : IDisposable
{
    private readonly TestAws _aws = new();

    [Fact]
    public async Task DescribeGlobalClusters_WithIdentifier_PostsQueryFormToRegionalEndpoint()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("rds-describe-global-clusters.xml"));

        await _aws.Factory.Rds.DescribeGlobalClustersAsync("app-global");

        var request = _aws.SingleRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://rds.ap-northeast-1.amazonaws.com/", request.Uri.ToString());
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(
            [new("Action", "DescribeGlobalClusters"), new("Version", "2014-10-31"), new("GlobalClusterIdentifier", "app-global")],
            request.FormPairs());
    }

    [Fact]
    public async Task DescribeGlobalClusters_WithRegionOverride_UsesThatRegionsEndpointAndScope()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("rds-describe-global-clusters.xml"));

        await _aws.Factory.Rds.DescribeGlobalClustersAsync("app-global", region: "ap-east-2");

        var request = _aws.SingleRequest;
        Assert.Equal("rds.ap-east-2.amazonaws.com", request.Uri.Host);
        Assert.Contains("/ap-east-2/rds/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeDbClusters_WithoutIdentifier_SendsOnlyActionAndVersion()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("rds-describe-db-clusters.xml"));

        await _aws.Factory.Rds.DescribeDbClustersAsync();

        Assert.Equal([new("Action", "DescribeDBClusters"), new("Version", "2014-10-31")], _aws.SingleRequest.FormPairs());
    }

    [Fact]
    public async Task DescribeDbClusters_WhenResponseHasMarker_FollowsItToTheNextPage()
    {
        var firstPage = TestAws.Fixture("rds-describe-db-clusters.xml")
            .Replace("<DBClusters>", "<Marker>page-2</Marker><DBClusters>", StringComparison.Ordinal);
        _aws.Handler.RespondXml(firstPage).RespondXml(TestAws.Fixture("rds-describe-db-clusters.xml"));

        var clusters = await _aws.Factory.Rds.DescribeDbClustersAsync();

        Assert.Equal(2, clusters.Count);
        Assert.False(_aws.Handler.Requests[0].Form().ContainsKey("Marker"));
        Assert.Equal("page-2", _aws.Handler.Requests[1].Form()["Marker"]);
    }

    [Fact]
    public async Task FailoverGlobalCluster_AllowDataLoss_SendsAllowDataLossTrueAndNoSwitchover()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("rds-failover-global-cluster.xml"));

        await _aws.Factory.Rds.FailoverGlobalClusterAsync(new FailoverGlobalClusterRequest(
            "app-global", "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt", GlobalClusterFailoverMode.AllowDataLoss));

        Assert.Equal(
            [
                new("Action", "FailoverGlobalCluster"), new("Version", "2014-10-31"), new("GlobalClusterIdentifier", "app-global"),
                new("TargetDbClusterIdentifier", "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt"), new("AllowDataLoss", "true"),
            ],
            _aws.SingleRequest.FormPairs());
    }

    [Fact]
    public async Task FailoverGlobalCluster_Switchover_SendsSwitchoverTrueAndNoAllowDataLoss()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("rds-failover-global-cluster.xml"));

        await _aws.Factory.Rds.FailoverGlobalClusterAsync(new FailoverGlobalClusterRequest(
            "app-global", "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt", GlobalClusterFailoverMode.Switchover));

        var form = _aws.SingleRequest.Form();
        Assert.Equal("true", form["Switchover"]);
        Assert.False(form.ContainsKey("AllowDataLoss"));
    }

    [Fact]
    public async Task SwitchoverGlobalCluster_Always_SendsIdentifiersOnly()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("rds-switchover-global-cluster.xml"));

        await _aws.Factory.Rds.SwitchoverGlobalClusterAsync("app-global", "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt");

        Assert.Equal(
            [
                new("Action", "SwitchoverGlobalCluster"), new("Version", "2014-10-31"), new("GlobalClusterIdentifier", "app-global"),
                new("TargetDbClusterIdentifier", "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt"),
            ],
            _aws.SingleRequest.FormPairs());
    }

    [Fact]
    public async Task FailoverGlobalCluster_BlankTarget_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.Rds.FailoverGlobalClusterAsync(
            new FailoverGlobalClusterRequest("app-global", " ", GlobalClusterFailoverMode.AllowDataLoss)));

        Assert.Empty(_aws.Handler.Requests);
    }

    [Fact]
    public async Task FailoverGlobalCluster_UndefinedMode_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.Rds.FailoverGlobalClusterAsync(
            new FailoverGlobalClusterRequest("app-global", "app-nrt", (GlobalClusterFailoverMode)7)));

        Assert.Empty(_aws.Handler.Requests);
    }

    [Fact]
    public async Task DescribeGlobalClusters_InvalidRegionOverride_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _aws.Factory.Rds.DescribeGlobalClustersAsync("app-global", region: "Tokyo"));

        Assert.Empty(_aws.Handler.Requests);
    }

    public void Dispose() => _aws.Dispose();
}
