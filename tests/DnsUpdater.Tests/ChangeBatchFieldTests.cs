using DrLambdas.Aws.Route53;
using DrLambdas.DnsUpdater.Tests.Support;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.DnsUpdater.Tests;

/// <summary>
/// Every batch DnsUpdater sends (apply, associate) CREATEs each record with exactly the fields it DELETEd, but the one
/// the operation changes: HealthCheckId, TTL, values, alias target and EvaluateTargetHealth survive.
/// </summary>
public sealed class ChangeBatchFieldTests
{
    public static TheoryData<string> Shapes => ["ttl", "alias-evaluate", "alias-no-evaluate", "no-health-check"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Apply_AnyRecordShape_CreatesEachRecordWithOnlyItsWeightChanged(string shape)
    {
        var zone = new AtomicZone(Records(shape));

        await ApplyRunner.ApplyAsync(zone, [("tpe", 0), ("nrt", 100)]);

        AssertOnlyChanged(Assert.Single(zone.Applied), (before, after) => before with { Weight = after.Weight });
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Associate_AnyRecordShape_CreatesEachRecordWithOnlyItsHealthCheckChanged(string shape)
    {
        var zone = new AtomicZone(Records(shape).Select(record => record with { HealthCheckId = null }));

        await ApplyRunner.AssociateAsync(zone);

        AssertOnlyChanged(Assert.Single(zone.Applied), (before, after) => before with { HealthCheckId = after.HealthCheckId });
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task ApplyAfterAssociate_AnyRecordShape_KeepsTheHealthChecks(string shape)
    {
        var zone = new AtomicZone(Records(shape).Select(record => record with { HealthCheckId = null }));
        await ApplyRunner.AssociateAsync(zone);

        await ApplyRunner.ApplyAsync(zone, [("tpe", 0), ("nrt", 100)]);

        Assert.Equal(TpeHealthCheckId, zone.Records.WithSetIdentifier("tpe")!.HealthCheckId);
        Assert.Equal(NrtHealthCheckId, zone.Records.WithSetIdentifier("nrt")!.HealthCheckId);
    }

    private static void AssertOnlyChanged(ChangeBatch batch, Func<ResourceRecordSet, ResourceRecordSet, ResourceRecordSet> expected)
    {
        for (var index = 0; index < batch.Changes.Count; index += 2)
        {
            var deleted = batch.Changes[index];
            var created = batch.Changes[index + 1];
            Assert.Equal(ChangeAction.Delete, deleted.Action);
            Assert.Equal(ChangeAction.Create, created.Action);
            var want = expected(deleted.RecordSet, created.RecordSet);
            Assert.Equal(want with { ResourceRecords = [] }, created.RecordSet with { ResourceRecords = [] });
            Assert.Equal(want.ResourceRecords, created.RecordSet.ResourceRecords);
        }
    }

    private static IReadOnlyList<ResourceRecordSet> Records(string shape) => shape switch
    {
        "ttl" =>
        [
            new(RecordName, "A", "tpe", 70, 15, ["192.0.2.10", "192.0.2.11"], HealthCheckId: TpeHealthCheckId),
            new(RecordName, "A", "nrt", 30, 15, ["198.51.100.10"], HealthCheckId: NrtHealthCheckId),
        ],
        "alias-evaluate" =>
        [
            new(RecordName, "A", "tpe", 70, AliasTarget: new AliasTarget("Z2YN17T5R711GT", "tpe-alb-1.ap-east-2.elb.amazonaws.com.", true), HealthCheckId: TpeHealthCheckId),
            new(RecordName, "A", "nrt", 30, AliasTarget: new AliasTarget("Z14GRHDCWA56QT", "nrt-alb-1.ap-northeast-1.elb.amazonaws.com.", true), HealthCheckId: NrtHealthCheckId),
        ],
        "alias-no-evaluate" =>
        [
            new(RecordName, "A", "tpe", 70, AliasTarget: new AliasTarget("Z2YN17T5R711GT", "tpe-alb-1.ap-east-2.elb.amazonaws.com.", false), HealthCheckId: TpeHealthCheckId),
            DnsWorld.Tokyo,
        ],
        _ => [DnsWorld.Taiwan with { HealthCheckId = null }, DnsWorld.Tokyo with { HealthCheckId = null }],
    };
}
