using System.Globalization;
using DrLambdas.Aws.Route53;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Errors;

namespace DrLambdas.DnsUpdater;

/// <summary>
/// The one change batch that moves the pair of weighted records to the desired weights. Route 53 has no conditional
/// UPSERT: DELETE of each record exactly as read plus CREATE with its new weight, in one all-or-nothing batch, is its
/// only compare-and-swap. Both records are in the batch even when only one weight changes, so a concurrent change to
/// either one makes the batch fail instead of combining with it (two partial applies could otherwise reach 0/0).
/// </summary>
/// <param name="Batch">The batch to submit, or null when every record already has its desired weight.</param>
/// <param name="Changed">The weights that change, in the records' order.</param>
/// <param name="Unchanged">How many of the records named in the desired weights already have them.</param>
internal sealed record PairChange(ChangeBatch? Batch, IReadOnlyList<WeightChange> Changed, int Unchanged)
{
    /// <summary>Route 53 limits change batch comments to 256 characters.</summary>
    public const int MaxCommentLength = BatchComment.MaxLength;

    /// <summary>
    /// Plans the change of <paramref name="current"/> (the managed records as read) to <paramref name="desired"/>
    /// (validated; a record not named keeps its current weight).
    /// </summary>
    /// <exception cref="InputValidationException">The resulting weights would all be 0.</exception>
    public static PairChange Plan(IReadOnlyList<ResourceRecordSet> current, IReadOnlyList<RecordWeight> desired, string incidentId)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        var targets = current
            .Select(record => (Record: record, From: (int)record.Weight!.Value, To: DesiredFor(record, desired)))
            .ToList();
        if (targets.All(target => target.To == 0))
        {
            throw new InputValidationException("desiredWeights", string.Create(CultureInfo.InvariantCulture,
                $"would leave every record at weight 0 ({Describe(targets.Select(t => (t.Record.SetIdentifier!, t.From, t.To)))}): Route 53 would then split traffic evenly, failed Region included"));
        }

        var changed = targets.Where(target => target.From != target.To).ToList();
        var unchanged = desired.Count - changed.Count(target => desired.WithSetIdentifier(target.Record.SetIdentifier) is not null);
        var changes = changed.Select(target => new WeightChange(target.Record.SetIdentifier!, target.From, target.To)).ToList();
        if (changed.Count == 0)
        {
            return new PairChange(null, changes, unchanged);
        }

        var batch = new ChangeBatch(
            [.. targets.SelectMany(target => new[]
            {
                new ResourceRecordSetChange(ChangeAction.Delete, target.Record),
                new ResourceRecordSetChange(ChangeAction.Create, target.Record with { Weight = target.To }),
            })],
            Comment(incidentId, changed.Select(t => (t.Record.SetIdentifier!, t.From, t.To))));
        return new PairChange(batch, changes, unchanged);
    }

    private static int DesiredFor(ResourceRecordSet record, IReadOnlyList<RecordWeight> desired) =>
        desired.WithSetIdentifier(record.SetIdentifier)?.Weight ?? (int)record.Weight!.Value;

    private static string Comment(string incidentId, IEnumerable<(string SetIdentifier, int From, int To)> changed) =>
        BatchComment.Fit($"DrLambdas incident {incidentId}: {Describe(changed)}");

    private static string Describe(IEnumerable<(string SetIdentifier, int From, int To)> weights) =>
        string.Join(", ", weights.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.SetIdentifier} {w.From} -> {w.To}")));
}
