using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrLambdas.Aws;
using DrLambdas.Aws.Rds;
using DrLambdas.Functions.Testing;
using DrLambdas.Shared.Contracts;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.AuroraPromoter.Tests.Support;

/// <summary>A mocked RDS answering from mutable state: Taiwan writes, Tokyo replicates, no operation under way.</summary>
internal sealed class PromoterWorld : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    public const string GlobalEndpoint = "app-global.global-abc.global.rds.amazonaws.com";

    public PromoterWorld()
    {
        Rds.Setup(client => client.DescribeGlobalClustersAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromResult<IReadOnlyList<GlobalCluster>>(GlobalClusterExists ? [GlobalCluster()] : []));
        Rds.Setup(client => client.DescribeDbClustersAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns((string? arn, string? _, CancellationToken _) => Task.FromResult<IReadOnlyList<DbCluster>>(
                [new DbCluster(arn!.Split(':')[^1], arn, ClusterStatus, "aurora-postgresql", "16.4", "writer.example", "reader.example", 5432, GlobalClusterId, null, [])]));
        Rds.Setup(client => client.FailoverGlobalClusterAsync(It.IsAny<FailoverGlobalClusterRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromResult(GlobalCluster()));
        Rds.Setup(client => client.SwitchoverGlobalClusterAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromResult(GlobalCluster()));
    }

    public FakeTimeProvider Time { get; } = new(T0);

    public Mock<IRdsClient> Rds { get; } = new();

    public string WriterArn { get; set; } = TpeArn;

    public GlobalClusterFailoverState? FailoverState { get; set; }

    public string ClusterStatus { get; set; } = "available";

    public bool GlobalClusterExists { get; set; } = true;

    public TestLambdaContext Context { get; private set; } = null!;

    public async Task<T> InvokeAsync<T>(string json, JsonTypeInfo<T> outputType)
    {
        Context?.Dispose();
        Context = new TestLambdaContext(Time);
        var router = AuroraPromoterFunction.CreateRouter(TestConfiguration.Default, Rds.Object, Time);
        var output = await router.RouteAsync(JsonDocument.Parse(json).RootElement, Context, CancellationToken.None);
        return output.Deserialize(outputType)!;
    }

    public Task<PromotionStartResponse> StartAsync(string action = "Failover", string targetRegion = Nrt, string targetClusterArn = NrtArn, bool? allowDataLoss = null) =>
        InvokeAsync(
            $$"""{"operation":"start","incidentId":"dr-42","action":"{{action}}","targetRegion":"{{targetRegion}}","targetClusterArn":"{{targetClusterArn}}","allowDataLoss":{{((allowDataLoss ?? action == "Failover") ? "true" : "false")}}}""",
            ContractsJsonContext.Default.PromotionStartResponse);

    public Task<PromotionStatusResponse> StatusAsync(DateTimeOffset startedAt, string targetClusterArn = NrtArn) => InvokeAsync(
        $$"""{"operation":"status","targetClusterArn":"{{targetClusterArn}}","startedAt":"{{startedAt:yyyy-MM-ddTHH:mm:ssZ}}","incidentId":"dr-42"}""",
        ContractsJsonContext.Default.PromotionStatusResponse);

    public GlobalCluster GlobalCluster() => new(
        GlobalClusterId, "arn:aws:rds::111122223333:global-cluster:app-global", FailoverState is null ? "available" : "failing-over",
        "aurora-postgresql", "16.4", GlobalEndpoint,
        [
            new GlobalClusterMember(TpeArn, WriterArn == TpeArn, [], WriterArn == TpeArn ? null : "connected", null),
            new GlobalClusterMember(NrtArn, WriterArn == NrtArn, [], WriterArn == NrtArn ? null : "connected", null),
        ],
        FailoverState);

    public static AwsServiceException InvalidState() => new(
        "RDS", "FailoverGlobalCluster", "InvalidGlobalClusterStateFault", "The global cluster is in an invalid state", "req-1", HttpStatusCode.BadRequest, false);

    public void VerifyNothingStarted()
    {
        Rds.Verify(client => client.FailoverGlobalClusterAsync(It.IsAny<FailoverGlobalClusterRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never());
        Rds.Verify(client => client.SwitchoverGlobalClusterAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    public void Dispose() => Context?.Dispose();
}
