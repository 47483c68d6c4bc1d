using DrLambdas.Aws.Rds;

namespace DrLambdas.Aws.Tests.Rds;

public sealed class GlobalClusterReadModelTests
{
    private const string TpeArn = "arn:aws:rds:ap-east-2:111122223333:cluster:app-tpe";
    private const string NrtArn = "arn:aws:rds:ap-northeast-1:111122223333:cluster:app-nrt";

    [Fact]
    public void WithIdentifier_ResultHoldsOtherClusters_ReturnsTheOneNamed()
    {
        IReadOnlyList<GlobalCluster> clusters = [Cluster(null) with { GlobalClusterIdentifier = "other" }, Cluster(null)];

        Assert.Same(clusters[1], clusters.WithIdentifier("app-global"));
    }

    [Fact]
    public void WithIdentifier_NoClusterOfThatIdentifier_ReturnsNull()
    {
        Assert.Null(new[] { Cluster(null) }.WithIdentifier("App-Global"));
    }

    [Fact]
    public void OperationUnderWay_FailoverStateWithoutStatus_IsNone()
    {
        Assert.Null(Cluster(new GlobalClusterFailoverState(string.Empty, TpeArn, NrtArn, false)).OperationUnderWay);
    }

    [Fact]
    public void OperationUnderWay_StatusReported_IsTheFailoverState()
    {
        var state = new GlobalClusterFailoverState("switching-over", TpeArn, NrtArn, false);

        Assert.Same(state, Cluster(state).OperationUnderWay);
    }

    [Fact]
    public void OperationDestination_NoOperation_IsNull()
    {
        Assert.Null(Cluster(null).OperationDestination);
    }

    [Fact]
    public void OperationDestination_DestinationOmitted_IsTheOnlyNonWriterMember()
    {
        Assert.Equal(NrtArn, Cluster(new GlobalClusterFailoverState("failing-over", TpeArn, null, true)).OperationDestination);
    }

    [Fact]
    public void OperationDestination_DestinationReported_IsThatCluster()
    {
        Assert.Equal(TpeArn, Cluster(new GlobalClusterFailoverState("cancelling", NrtArn, TpeArn, true)).OperationDestination);
    }

    private static GlobalCluster Cluster(GlobalClusterFailoverState? state) => new(
        "app-global", null, "available", "aurora-postgresql", "16.4", null,
        [new GlobalClusterMember(TpeArn, true, [NrtArn], null, null), new GlobalClusterMember(NrtArn, false, [], "connected", null)],
        state);
}
