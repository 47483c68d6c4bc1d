using CsCheck;
using DrLambdas.Aws.Route53;
using DrLambdas.DnsUpdater.Tests.Support;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Errors;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.DnsUpdater.Tests;

/// <summary>Over any current pair of weights and any desired weights (both records or one): the batch never yields 0/0.</summary>
public sealed class PairChangePropertyTests
{
    private const int Cases = 5_000;

    private static readonly Gen<int> Weight = Gen.Frequency((3, Gen.Const(0)), (5, Gen.Int[0, RecordWeight.MaxWeight]), (1, Gen.Const(RecordWeight.MaxWeight)));

    /// <summary>Both records named, or only one of them (the other keeps its current weight).</summary>
    private static readonly Gen<RecordWeight[]> Desired = Gen.Select(Weight, Weight, Gen.Int[0, 2], (tpe, nrt, shape) => shape switch
    {
        0 => new[] { new RecordWeight("tpe", Tpe, tpe), new RecordWeight("nrt", Nrt, nrt) },
        1 => [new RecordWeight("tpe", Tpe, tpe)],
        _ => [new RecordWeight("nrt", Nrt, nrt)],
    });

    private static IReadOnlyList<ResourceRecordSet> Current(int tpe, int nrt) =>
        [DnsWorld.Taiwan with { Weight = tpe }, DnsWorld.Tokyo with { Weight = nrt }];

    /// <summary>The zone after the batch, applied as Route 53 would (DELETE then CREATE, in order).</summary>
    private static Dictionary<string, long> After(IReadOnlyList<ResourceRecordSet> current, ChangeBatch? batch)
    {
        var zone = current.ToDictionary(record => record.SetIdentifier!, record => record.Weight!.Value);
        foreach (var change in batch?.Changes ?? [])
        {
            if (change.Action == ChangeAction.Delete)
            {
                Assert.True(zone.Remove(change.RecordSet.SetIdentifier!));
            }
            else
            {
                zone.Add(change.RecordSet.SetIdentifier!, change.RecordSet.Weight!.Value);
            }
        }

        return zone;
    }

    [Fact]
    public void Plan_AnyCurrentAndDesiredWeights_NeverYieldsAllZero()
    {
        Gen.Select(Weight, Weight, Desired).Sample((tpe, nrt, desired) =>
        {
            var current = Current(tpe, nrt);
            PairChange plan;
            try
            {
                plan = PairChange.Plan(current, desired, "dr-42");
            }
            catch (InputValidationException error)
            {
                Assert.Equal("desiredWeights", error.Field);
                return;
            }

            var after = After(current, plan.Batch);
            Assert.Equal(["nrt", "tpe"], after.Keys.Order(StringComparer.Ordinal));
            Assert.Contains(after.Values, weight => weight > 0);
        }, iter: Cases);
    }

    [Fact]
    public void Plan_AnyCurrentAndDesiredWeights_RefusesExactlyTheRequestsThatWouldYieldAllZero()
    {
        Gen.Select(Weight, Weight, Desired).Sample((tpe, nrt, desired) =>
        {
            var resultTpe = desired.FirstOrDefault(w => w.SetIdentifier == "tpe")?.Weight ?? tpe;
            var resultNrt = desired.FirstOrDefault(w => w.SetIdentifier == "nrt")?.Weight ?? nrt;
            var wouldBeZero = resultTpe == 0 && resultNrt == 0;

            var refused = Record.Exception(() => PairChange.Plan(Current(tpe, nrt), desired, "dr-42")) is InputValidationException;

            Assert.Equal(wouldBeZero, refused);
        }, iter: Cases);
    }

    [Fact]
    public void Plan_AnyChange_TouchesOnlyTheManagedPairAndDeletesThemExactlyAsRead()
    {
        Gen.Select(Weight, Weight, Desired).Sample((tpe, nrt, desired) =>
        {
            var current = Current(tpe, nrt);
            if (Record.Exception(() => PairChange.Plan(current, desired, "dr-42")) is not null
                || PairChange.Plan(current, desired, "dr-42").Batch is not { } batch)
            {
                return;
            }

            Assert.All(batch.Changes, change => Assert.Contains(change.Action, new[] { ChangeAction.Delete, ChangeAction.Create }));
            Assert.All(batch.Changes, change => Assert.Equal((RecordName, "A"), (change.RecordSet.Name, change.RecordSet.Type)));
            Assert.Equal(current, batch.Changes.Where(change => change.Action == ChangeAction.Delete).Select(change => change.RecordSet));
            Assert.Equal(
                current.Select(record => record with { Weight = null }),
                batch.Changes.Where(change => change.Action == ChangeAction.Create).Select(change => change.RecordSet with { Weight = null }));
        }, iter: Cases);
    }

    [Fact]
    public void Plan_DesiredEqualsCurrent_SubmitsNothing()
    {
        Gen.Select(Weight, Weight).Where(weights => weights.Item1 + weights.Item2 > 0).Sample((tpe, nrt) =>
        {
            var plan = PairChange.Plan(Current(tpe, nrt), [new("tpe", Tpe, tpe), new("nrt", Nrt, nrt)], "dr-42");

            Assert.Null(plan.Batch);
            Assert.Empty(plan.Changed);
            Assert.Equal(2, plan.Unchanged);
        }, iter: 1_000);
    }
}
