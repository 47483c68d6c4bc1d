using DrLambdas.Aws;
using DrLambdas.Aws.Route53;

namespace DrLambdas.DrLab.Tests.Services;

/// <summary>
/// Two change batches built from the same reading of the weighted pair, as DnsUpdater builds them (DELETE of each exact
/// record, CREATE with its new weight), sent at the same moment: Route 53 applies a batch all-or-nothing, so one wins,
/// the other is refused, and the pair never ends at 0/0.
/// </summary>
public sealed class ConcurrentPairChangeTests(RunningLab lab) : IClassFixture<RunningLab>
{
    private const string Zone = RunningLab.HostedZoneId;

    private static ChangeBatch PairBatch(IReadOnlyList<ResourceRecordSet> current, long primary, long secondary) => new(
        current.SelectMany(record => new[]
        {
            new ResourceRecordSetChange(ChangeAction.Delete, record),
            new ResourceRecordSetChange(ChangeAction.Create, record with { Weight = record.SetIdentifier == "tpe" ? primary : secondary }),
        }).ToList());

    private static async Task<IReadOnlyList<ResourceRecordSet>> PairAsync(IRoute53Client route53) =>
        (await route53.ListRecordSetsAsync(Zone, "api.example.com.", "A")).OrderBy(r => r.SetIdentifier, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task ChangeResourceRecordSets_TwoPairBatchesFromOneReading_OneWinsAndTheWeightsAreNeverBothZero()
    {
        await lab.ResetAsync();
        var route53 = lab.AdminClients().Route53;
        var read = await PairAsync(route53);

        // Failover lowers the primary to 0 while a drain lowers the secondary to 0: applied one record at a time
        // both would succeed and leave 0/0; as pair batches the second no longer matches what it deletes.
        var outcomes = await Task.WhenAll(
            Attempt(route53, PairBatch(read, primary: 0, secondary: read[1].Weight!.Value)),
            Attempt(route53, PairBatch(read, primary: read[0].Weight!.Value, secondary: 0)));

        Assert.Equal(1, outcomes.Count(error => error is null));
        Assert.Equal("InvalidChangeBatch", Assert.Single(outcomes, error => error is not null)!.ErrorCode);
        var after = await PairAsync(route53);
        Assert.NotEqual(0L, after.Sum(record => record.Weight!.Value));
    }

    private static async Task<AwsServiceException?> Attempt(IRoute53Client route53, ChangeBatch batch)
    {
        try
        {
            await route53.ChangeResourceRecordSetsAsync(Zone, batch);
            return null;
        }
        catch (AwsServiceException error)
        {
            return error;
        }
    }
}
