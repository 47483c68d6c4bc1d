using System.Net;

namespace DrLambdas.Aws.Tests.Integration;

[Collection(MotoServerGroup.Name)]
public sealed class RdsRoundTripTests(MotoServerFixture moto) : IDisposable
{
    private const string Primary = "ap-east-2";
    private const string Secondary = "ap-northeast-1";
    private readonly AwsClientFactory _aws = new(moto.Options(Secondary));
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task DescribeGlobalClusters_CreatedGlobalDatabase_ReturnsWriterInPrimaryAndReaderInSecondary()
    {
        var (globalId, primaryArn, secondaryArn) = await SeedAsync();

        var clusters = await _aws.Rds.DescribeGlobalClustersAsync(globalId);

        // moto ignores the identifier filter and returns every global cluster, so pick ours.
        var cluster = Assert.Single(clusters, c => c.GlobalClusterIdentifier == globalId);
        Assert.Equal("available", cluster.Status);
        Assert.Equal("aurora-postgresql", cluster.Engine);
        Assert.Equal($"arn:aws:rds::{MotoSeeder.AccountId}:global-cluster:{globalId}", cluster.GlobalClusterArn);
        Assert.False(string.IsNullOrEmpty(cluster.Endpoint));
        Assert.Equal(primaryArn, cluster.Writer?.DbClusterArn);
        Assert.Equal([secondaryArn], cluster.Writer!.Readers);
        var reader = Assert.Single(cluster.Members, m => !m.IsWriter);
        Assert.Equal(secondaryArn, reader.DbClusterArn);
    }

    [Fact]
    public async Task DescribeDbClusters_PerRegionOverride_SeesOnlyThatRegionsCluster()
    {
        var (_, primaryArn, secondaryArn) = await SeedAsync();

        var inPrimary = await _aws.Rds.DescribeDbClustersAsync(primaryArn, region: Primary);
        var inSecondary = await _aws.Rds.DescribeDbClustersAsync($"app-nrt-{_suffix}");

        var primary = Assert.Single(inPrimary);
        Assert.Equal(($"app-tpe-{_suffix}", primaryArn, "available"), (primary.DbClusterIdentifier, primary.DbClusterArn, primary.Status));
        Assert.Equal(secondaryArn, Assert.Single(inSecondary).DbClusterArn);
        Assert.DoesNotContain(await _aws.Rds.DescribeDbClustersAsync(region: Primary), c => c.DbClusterArn == secondaryArn);
    }

    [Fact]
    public async Task DescribeDbClusters_UnknownCluster_ThrowsDbClusterNotFoundFault()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Rds.DescribeDbClustersAsync($"missing-{_suffix}"));

        Assert.Equal(("DBClusterNotFoundFault", HttpStatusCode.NotFound, false), (error.ErrorCode, error.StatusCode, error.IsRetryable));
    }

    private async Task<(string GlobalId, string PrimaryArn, string SecondaryArn)> SeedAsync()
    {
        var globalId = $"app-global-{_suffix}";
        await moto.Seeder.CreateAuroraGlobalDatabaseAsync(globalId, $"app-tpe-{_suffix}", Primary, $"app-nrt-{_suffix}", Secondary);
        return (globalId,
            $"arn:aws:rds:{Primary}:{MotoSeeder.AccountId}:cluster:app-tpe-{_suffix}",
            $"arn:aws:rds:{Secondary}:{MotoSeeder.AccountId}:cluster:app-nrt-{_suffix}");
    }

    public void Dispose() => _aws.Dispose();
}
