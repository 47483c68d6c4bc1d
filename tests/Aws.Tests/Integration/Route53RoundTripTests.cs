using DrLambdas.Aws.Route53;

namespace DrLambdas.Aws.Tests.Integration;

[Collection(MotoServerGroup.Name)]
public sealed class Route53RoundTripTests(MotoServerFixture moto) : IDisposable
{
    private readonly AwsClientFactory _aws = new(moto.Options());
    private readonly string _zoneName = $"dr-{Guid.NewGuid():N}.example.com";

    private string RecordName => $"api.{_zoneName}.";

    private ResourceRecordSet Weighted(string id, long weight, string ip) =>
        new(RecordName, "A", id, weight, 60, [ip]);

    [Fact]
    public async Task ChangeAndList_WeightedRecords_ListsTheWeightsJustWritten()
    {
        var zoneId = await moto.Seeder.CreateHostedZoneAsync(_zoneName);

        var change = await _aws.Route53.ChangeResourceRecordSetsAsync(zoneId, new ChangeBatch(
            [
                new ResourceRecordSetChange(ChangeAction.Create, Weighted("tpe", 70, "192.0.2.10")),
                new ResourceRecordSetChange(ChangeAction.Create, Weighted("nrt", 30, "198.51.100.10")),
            ],
            "initial weights"));
        var sets = await _aws.Route53.ListRecordSetsAsync(zoneId, RecordName, "A");

        Assert.False(string.IsNullOrEmpty(change.Id));
        Assert.Equal([("nrt", 30L, "198.51.100.10"), ("tpe", 70L, "192.0.2.10")],
            sets.Select(s => (s.SetIdentifier!, s.Weight!.Value, s.ResourceRecords.Single())).OrderBy(s => s.Item1));
        Assert.All(sets, s => Assert.Equal(60L, s.Ttl));
    }

    [Fact]
    public async Task Upsert_WeightsShiftedToSecondary_ReplacesTheRecordsAndChangeIsFetchable()
    {
        var zoneId = await moto.Seeder.CreateHostedZoneAsync(_zoneName);
        await _aws.Route53.ChangeResourceRecordSetsAsync(zoneId, new ChangeBatch(
            [
                new ResourceRecordSetChange(ChangeAction.Create, Weighted("tpe", 70, "192.0.2.10")),
                new ResourceRecordSetChange(ChangeAction.Create, Weighted("nrt", 30, "198.51.100.10")),
            ]));

        var change = await _aws.Route53.ChangeResourceRecordSetsAsync(zoneId, new ChangeBatch(
            [
                new ResourceRecordSetChange(ChangeAction.Upsert, Weighted("tpe", 0, "192.0.2.10")),
                new ResourceRecordSetChange(ChangeAction.Upsert, Weighted("nrt", 100, "198.51.100.10")),
            ],
            "dr-incident-42"));
        var fetched = await _aws.Route53.GetChangeAsync(change.Id);
        var sets = await _aws.Route53.ListRecordSetsAsync(zoneId, RecordName, "A");

        Assert.Equal(change.Id.Replace("/change/", string.Empty, StringComparison.Ordinal), fetched.Id.Replace("/change/", string.Empty, StringComparison.Ordinal));
        Assert.Equal(ChangeStatus.InSync, fetched.Status);
        Assert.Equal([("nrt", 100L), ("tpe", 0L)], sets.Select(s => (s.SetIdentifier!, s.Weight!.Value)).OrderBy(s => s.Item1));
    }

    [Fact]
    public async Task Delete_OneWeightedRecord_LeavesTheOther()
    {
        var zoneId = await moto.Seeder.CreateHostedZoneAsync(_zoneName);
        await _aws.Route53.ChangeResourceRecordSetsAsync(zoneId, new ChangeBatch(
            [
                new ResourceRecordSetChange(ChangeAction.Create, Weighted("tpe", 70, "192.0.2.10")),
                new ResourceRecordSetChange(ChangeAction.Create, Weighted("nrt", 30, "198.51.100.10")),
            ]));

        await _aws.Route53.ChangeResourceRecordSetsAsync(zoneId, new ChangeBatch(
            [new ResourceRecordSetChange(ChangeAction.Delete, Weighted("tpe", 70, "192.0.2.10"))]));

        Assert.Equal(["nrt"], (await _aws.Route53.ListRecordSetsAsync(zoneId, RecordName, "A")).Select(s => s.SetIdentifier));
    }

    [Fact]
    public async Task Create_AliasRecordWithHealthCheck_RoundTripsAliasTargetAndHealthCheckId()
    {
        var zoneId = await moto.Seeder.CreateHostedZoneAsync(_zoneName);
        var healthCheckId = await moto.Seeder.CreateHealthCheckAsync($"tpe.{_zoneName}");
        var alias = new AliasTarget("Z14GRHDCWA56QT", "nrt-alb-123.ap-northeast-1.elb.amazonaws.com.", true);

        await _aws.Route53.ChangeResourceRecordSetsAsync(zoneId, new ChangeBatch(
            [new ResourceRecordSetChange(ChangeAction.Create, new ResourceRecordSet(RecordName, "A", "nrt", 30, AliasTarget: alias, HealthCheckId: healthCheckId))]));
        var set = Assert.Single(await _aws.Route53.ListRecordSetsAsync(zoneId, RecordName, "A"));

        Assert.Equal(alias, set.AliasTarget);
        Assert.Equal(healthCheckId, set.HealthCheckId);
        Assert.Equal(30L, set.Weight);
    }

    [Fact]
    public async Task ListResourceRecordSets_MaxItemsOne_PagesThroughEveryName()
    {
        // moto does not implement StartRecordIdentifier, so paging is exercised across names; paging between the set
        // identifiers of one name is covered by the unit tests.
        var zoneId = await moto.Seeder.CreateHostedZoneAsync(_zoneName);
        string[] names = [$"a.{_zoneName}.", $"b.{_zoneName}.", $"c.{_zoneName}."];
        await _aws.Route53.ChangeResourceRecordSetsAsync(zoneId, new ChangeBatch(
            [.. names.Select(n => new ResourceRecordSetChange(ChangeAction.Create, new ResourceRecordSet(n, "A", "tpe", 1, 60, ["192.0.2.1"])))]));

        var seen = new List<string>();
        ListResourceRecordSetsRequest? request = new(zoneId, names[0], "A", MaxItems: 1);
        var pages = 0;
        while (request is not null && pages++ < 10)
        {
            var page = await _aws.Route53.ListResourceRecordSetsAsync(request);
            Assert.True(page.RecordSets.Count <= 1);
            seen.AddRange(page.RecordSets.Where(s => s.Type == "A").Select(s => s.Name));
            request = page.NextRequest(request);
        }

        Assert.Equal(names, seen);
    }

    [Fact]
    public async Task GetHealthCheckStatus_CreatedHealthCheck_ReturnsCheckerObservations()
    {
        var healthCheckId = await moto.Seeder.CreateHealthCheckAsync($"tpe.{_zoneName}");

        var observations = await _aws.Route53.GetHealthCheckStatusAsync(healthCheckId);

        Assert.NotEmpty(observations);
        Assert.All(observations, o =>
        {
            Assert.False(string.IsNullOrEmpty(o.Region));
            Assert.NotNull(o.CheckedTime);
            Assert.True(o.IsHealthy, o.Status);
        });
    }

    [Fact]
    public async Task ChangeResourceRecordSets_UnknownZone_ThrowsNoSuchHostedZone()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Route53.ChangeResourceRecordSetsAsync("ZNOSUCHZONE000", new ChangeBatch(
            [new ResourceRecordSetChange(ChangeAction.Upsert, Weighted("tpe", 1, "192.0.2.1"))])));

        Assert.Equal("NoSuchHostedZone", error.ErrorCode);
        Assert.False(error.IsRetryable);
    }

    public void Dispose() => _aws.Dispose();
}
