using System.Net;
using DrLambdas.Aws.Rds;
using DrLambdas.Aws.Tests.Support;

namespace DrLambdas.Aws.Tests.Rds;

public sealed class RdsClientResponseTests : IDisposable
{
    private const string TpeArn = "arn:aws:rds:ap-east-2:111122223333:cluster:app-tpe";
    private const string NrtArn = "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt";
    private readonly TestAws _aws = new();

    [Fact]
    public async Task DescribeGlobalClusters_Fixture_ParsesClusterMembersAndFailoverState()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("rds-describe-global-clusters.xml"));

        var cluster = Assert.Single(await _aws.Factory.Rds.DescribeGlobalClustersAsync("app-global"));

        Assert.Equal("app-global", cluster.GlobalClusterIdentifier);
        Assert.Equal("arn:aws:rds::111122223333:global-cluster:app-global", cluster.GlobalClusterArn);
        Assert.Equal("failing-over", cluster.Status);
        Assert.Equal("aurora-postgresql", cluster.Engine);
        Assert.Equal("app-global.global-abc123.global.rds.amazonaws.com", cluster.Endpoint);
        Assert.Equal(
            [
                new GlobalClusterMember(TpeArn, true, [NrtArn], null, "disabled"),
                new GlobalClusterMember(NrtArn, false, [], "connected", "disabled"),
            ],
            cluster.Members, new GlobalClusterMemberComparer());
        Assert.Equal(new GlobalClusterFailoverState("failing-over", TpeArn, NrtArn, true), cluster.FailoverState);
        Assert.Equal(TpeArn, cluster.Writer?.DbClusterArn);
    }

    [Fact]
    public async Task DescribeDbClusters_Fixture_ParsesClusterAndMembers()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("rds-describe-db-clusters.xml"));

        var cluster = Assert.Single(await _aws.Factory.Rds.DescribeDbClustersAsync(NrtArn));

        Assert.Equal("app-nrt", cluster.DbClusterIdentifier);
        Assert.Equal(NrtArn, cluster.DbClusterArn);
        Assert.Equal("available", cluster.Status);
        Assert.Equal("app-nrt.cluster-abc123.ap-northeast-1.rds.amazonaws.com", cluster.Endpoint);
        Assert.Equal("app-nrt.cluster-ro-abc123.ap-northeast-1.rds.amazonaws.com", cluster.ReaderEndpoint);
        Assert.Equal(5432, cluster.Port);
        Assert.Equal("app-global", cluster.GlobalClusterIdentifier);
        Assert.Equal(TpeArn, cluster.ReplicationSourceIdentifier);
        Assert.Equal([new DbClusterMember("app-nrt-1", false, 1)], cluster.Members);
    }

    [Fact]
    public async Task FailoverGlobalCluster_Fixture_ReturnsPendingFailoverState()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("rds-failover-global-cluster.xml"));

        var cluster = await _aws.Factory.Rds.FailoverGlobalClusterAsync(
            new FailoverGlobalClusterRequest("app-global", NrtArn, GlobalClusterFailoverMode.AllowDataLoss));

        Assert.Equal("failing-over", cluster.Status);
        Assert.Equal(new GlobalClusterFailoverState("pending", TpeArn, NrtArn, true), cluster.FailoverState);
    }

    [Fact]
    public async Task SwitchoverGlobalCluster_Fixture_ReturnsSwitchingOverWithoutDataLoss()
    {
        _aws.Handler.RespondXml(TestAws.Fixture("rds-switchover-global-cluster.xml"));

        var cluster = await _aws.Factory.Rds.SwitchoverGlobalClusterAsync("app-global", NrtArn);

        Assert.Equal("switching-over", cluster.Status);
        Assert.False(cluster.FailoverState!.IsDataLossAllowed);
    }

    [Fact]
    public async Task DescribeGlobalClusters_NotFoundError_ThrowsServiceExceptionWithParsedFields()
    {
        _aws.Handler.Respond(HttpStatusCode.NotFound, TestAws.Fixture("rds-error-global-cluster-not-found.xml"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Factory.Rds.DescribeGlobalClustersAsync("app-global"));

        Assert.Equal("RDS", error.Service);
        Assert.Equal("DescribeGlobalClusters", error.Operation);
        Assert.Equal("GlobalClusterNotFoundFault", error.ErrorCode);
        Assert.Equal("Global cluster app-global not found.", error.ErrorMessage);
        Assert.Equal("0f1e2d3c-4b5a-4968-8776-655443322110", error.RequestId);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(error.IsRetryable);
        Assert.Single(_aws.Handler.Requests);
    }

    [Fact]
    public async Task FailoverGlobalCluster_ResultWithoutGlobalCluster_ThrowsInvalidResponse()
    {
        _aws.Handler.RespondXml("<FailoverGlobalClusterResponse><FailoverGlobalClusterResult/></FailoverGlobalClusterResponse>");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Factory.Rds.FailoverGlobalClusterAsync(
            new FailoverGlobalClusterRequest("app-global", NrtArn, GlobalClusterFailoverMode.AllowDataLoss)));

        Assert.Equal(AwsClientErrorCodes.InvalidResponse, error.ErrorCode);
        Assert.False(error.IsRetryable);
    }

    private sealed class GlobalClusterMemberComparer : IEqualityComparer<GlobalClusterMember>
    {
        public bool Equals(GlobalClusterMember? x, GlobalClusterMember? y) =>
            x is not null && y is not null && x.DbClusterArn == y.DbClusterArn && x.IsWriter == y.IsWriter
            && x.Readers.SequenceEqual(y.Readers) && x.SynchronizationStatus == y.SynchronizationStatus
            && x.GlobalWriteForwardingStatus == y.GlobalWriteForwardingStatus;

        public int GetHashCode(GlobalClusterMember obj) => obj.DbClusterArn.GetHashCode(StringComparison.Ordinal);
    }

    public void Dispose() => _aws.Dispose();
}
