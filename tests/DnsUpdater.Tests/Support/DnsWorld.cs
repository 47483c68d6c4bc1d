using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrLambdas.Aws;
using DrLambdas.Aws.Route53;
using DrLambdas.Functions.Testing;
using DrLambdas.Shared.Contracts;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.DnsUpdater.Tests.Support;

/// <summary>A mocked Route 53 zone holding the two weighted records (70/30) and recording every change batch.</summary>
internal sealed class DnsWorld : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static readonly ResourceRecordSet Taiwan = new(RecordName, "A", "tpe", 70, 60, ["192.0.2.10"], HealthCheckId: TpeHealthCheckId);

    public static readonly ResourceRecordSet Tokyo = new(RecordName, "A", "nrt", 30, null, null,
        new AliasTarget("Z14GRHDCWA56QT", "nrt-alb-123.ap-northeast-1.elb.amazonaws.com.", true), NrtHealthCheckId);

    private int _changeNumber;

    public DnsWorld()
    {
        Route53.Setup(client => client.ListResourceRecordSetsAsync(It.IsAny<ListResourceRecordSetsRequest>(), It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromResult(new ResourceRecordSetPage([.. Records], false, null, null, null)));
        Route53.Setup(client => client.ChangeResourceRecordSetsAsync(It.IsAny<string>(), It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .Returns((string _, ChangeBatch batch, CancellationToken _) =>
            {
                Batches.Add(batch);
                return Task.FromResult(new ChangeInfo($"/change/C{++_changeNumber}", ChangeStatus.Pending, Time.GetUtcNow(), batch.Comment));
            });
        Route53.Setup(client => client.GetChangeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string id, CancellationToken _) => Task.FromResult(new ChangeInfo(id, ChangeStatuses.GetValueOrDefault(id, ChangeStatus.Pending), T0, null)));
    }

    public FakeTimeProvider Time { get; } = new(T0);

    public Mock<IRoute53Client> Route53 { get; } = new();

    public List<ResourceRecordSet> Records { get; } = [Taiwan, Tokyo];

    public List<ChangeBatch> Batches { get; } = [];

    public Dictionary<string, ChangeStatus> ChangeStatuses { get; } = [];

    public TestLambdaContext Context { get; private set; } = null!;

    public async Task<T> InvokeAsync<T>(string json, JsonTypeInfo<T> outputType)
    {
        Context?.Dispose();
        Context = new TestLambdaContext(Time);
        var router = DnsUpdaterFunction.CreateRouter(TestConfiguration.Default, Route53.Object, Time);
        var output = await router.RouteAsync(JsonDocument.Parse(json).RootElement, Context, CancellationToken.None);
        return output.Deserialize(outputType)!;
    }

    public Task<DnsChangeResponse> ApplyAsync(int tpe, int nrt) => InvokeAsync(
        $$"""
        {"operation":"apply","incidentId":"dr-42","desiredWeights":[
          {"setIdentifier":"tpe","region":"{{Tpe}}","weight":{{tpe}}},{"setIdentifier":"nrt","region":"{{Nrt}}","weight":{{nrt}}}]}
        """,
        ContractsJsonContext.Default.DnsChangeResponse);

    public Task<DnsChangeResponse> StatusAsync(string changeIds, DateTimeOffset submittedAt) => InvokeAsync(
        $$"""{"operation":"status","changeIds":[{{changeIds}}],"submittedAt":"{{submittedAt:yyyy-MM-ddTHH:mm:ssZ}}"}""",
        ContractsJsonContext.Default.DnsChangeResponse);

    public static AwsServiceException InvalidChangeBatch() => new(
        "Route 53", "ChangeResourceRecordSets", "InvalidChangeBatch",
        "[Tried to delete resource record set [name='api.example.com.', type='A', set-identifier='tpe'] but the values provided do not match the current values]",
        "req-1", HttpStatusCode.BadRequest, false);

    public void VerifyNoChangeSubmitted() =>
        Route53.Verify(client => client.ChangeResourceRecordSetsAsync(It.IsAny<string>(), It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()), Times.Never());

    public void Dispose() => Context?.Dispose();
}
