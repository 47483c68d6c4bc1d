using System.Net;
using DrLambdas.Aws;
using DrLambdas.Aws.Route53;

namespace DrLambdas.DnsUpdater.Tests.Support;

/// <summary>
/// A Route 53 hosted zone as the API reference describes ChangeResourceRecordSets: a batch is applied all or nothing,
/// each change against the zone as the earlier changes of the batch left it; a DELETE must match every value of the
/// record (else InvalidChangeBatch), a CREATE must not find one. <see cref="BeforeChange"/> lets a test hold a batch
/// back until another apply has read the records (<see cref="AfterList"/>), to interleave two applies.
/// </summary>
internal sealed class AtomicZone : IRoute53Client
{
    private readonly Lock _lock = new();
    private List<ResourceRecordSet> _records;
    private int _changes;

    public AtomicZone(IEnumerable<ResourceRecordSet> records) => _records = [.. records];

    /// <summary>Called after every ListResourceRecordSets call.</summary>
    public Action AfterList { get; set; } = () => { };

    /// <summary>Awaited by every ChangeResourceRecordSets call before the batch is applied.</summary>
    public Func<Task> BeforeChange { get; set; } = () => Task.CompletedTask;

    /// <summary>How many batches were refused with InvalidChangeBatch.</summary>
    public int Refused { get; private set; }

    /// <summary>Every batch applied, in order.</summary>
    public List<ChangeBatch> Applied { get; } = [];

    public IReadOnlyList<ResourceRecordSet> Records
    {
        get
        {
            lock (_lock)
            {
                return [.. _records];
            }
        }
    }

    public long WeightOf(string setIdentifier) => Records.Single(record => record.SetIdentifier == setIdentifier).Weight!.Value;

    public Task<ResourceRecordSetPage> ListResourceRecordSetsAsync(ListResourceRecordSetsRequest request, CancellationToken cancellationToken = default)
    {
        var page = new ResourceRecordSetPage(Records, false, null, null, null);
        AfterList();
        return Task.FromResult(page);
    }

    public async Task<ChangeInfo> ChangeResourceRecordSetsAsync(string hostedZoneId, ChangeBatch changeBatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changeBatch);
        await BeforeChange();
        lock (_lock)
        {
            var working = new List<ResourceRecordSet>(_records);
            var problems = new List<string>();
            foreach (var change in changeBatch.Changes)
            {
                var existing = working.FirstOrDefault(record => SameKey(record, change.RecordSet));
                switch (change.Action)
                {
                    case ChangeAction.Delete when existing is null || !SameValues(existing, change.RecordSet):
                        problems.Add($"Tried to delete resource record set [set-identifier='{change.RecordSet.SetIdentifier}'] but the values provided do not match the current values");
                        break;
                    case ChangeAction.Delete:
                        working.Remove(existing);
                        break;
                    case ChangeAction.Create when existing is not null:
                        problems.Add($"Tried to create resource record set [set-identifier='{change.RecordSet.SetIdentifier}'] but it already exists");
                        break;
                    case ChangeAction.Create:
                        working.Add(change.RecordSet);
                        break;
                    default:
                        throw new InvalidOperationException($"The DNS updater must not send {change.Action}.");
                }
            }

            if (problems.Count > 0)
            {
                Refused++;
                throw new AwsServiceException("Route 53", "ChangeResourceRecordSets", "InvalidChangeBatch",
                    "[" + string.Join(", ", problems) + "]", "req-1", HttpStatusCode.BadRequest, false);
            }

            _records = working;
            Applied.Add(changeBatch);
            return new ChangeInfo($"/change/C{++_changes}", ChangeStatus.Pending, DnsWorld.T0, changeBatch.Comment);
        }
    }

    public Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChangeInfo(changeId, ChangeStatus.InSync, DnsWorld.T0, null));

    public Task<IReadOnlyList<HealthCheckObservation>> GetHealthCheckStatusAsync(string healthCheckId, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The DNS updater does not read health checks.");

    private static bool SameKey(ResourceRecordSet a, ResourceRecordSet b) =>
        DnsNames.Normalize(a.Name) == DnsNames.Normalize(b.Name) && a.Type == b.Type && a.SetIdentifier == b.SetIdentifier;

    private static bool SameValues(ResourceRecordSet a, ResourceRecordSet b) =>
        SameKey(a, b) && a.Weight == b.Weight && a.Ttl == b.Ttl && a.ResourceRecords.SequenceEqual(b.ResourceRecords)
        && a.AliasTarget == b.AliasTarget && a.HealthCheckId == b.HealthCheckId && a.TrafficPolicyInstanceId == b.TrafficPolicyInstanceId;
}
