using CsCheck;
using DrLambdas.DnsUpdater.Tests.Support;
using DrLambdas.Shared.Errors;

namespace DrLambdas.DnsUpdater.Tests;

/// <summary>
/// Two applies racing on one zone (failover vs drain, failback vs failover): both read the records before either
/// submits its batch. Route 53 applies batches atomically with exact-match DELETEs, so the second batch no longer
/// matches and fails; whatever happens, the pair never ends at 0/0.
/// </summary>
public sealed class ConcurrentApplyTests
{
    /// <summary>The ASL retries a ConflictException twice (a fresh read each time).</summary>
    private const int AslConflictRetries = 2;

    private static AtomicZone Zone(long tpe, long nrt) => new([DnsWorld.Taiwan with { Weight = tpe }, DnsWorld.Tokyo with { Weight = nrt }]);

    /// <summary>One apply as the state machine runs it: retried on ConflictException; its final error, or null.</summary>
    private static async Task<Exception?> ApplyWithRetriesAsync(AtomicZone zone, (string, int)[] desired, Race race)
    {
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await ApplyRunner.ApplyAsync(zone, desired);
                    return null;
                }
                catch (ConflictException) when (attempt < AslConflictRetries)
                {
                    // The retry reads the records again.
                }
                catch (Exception error) when (error is ConflictException or InputValidationException)
                {
                    return error;
                }
            }
        }
        finally
        {
            race.Done();
        }
    }

    private static async Task<Exception?[]> RaceAsync(AtomicZone zone, (string, int)[] first, (string, int)[] second)
    {
        var race = new Race();
        zone.AfterList = race.Read;
        zone.BeforeChange = () => race.BothRead;
        return await Task.WhenAll(
            Task.Run(() => ApplyWithRetriesAsync(zone, first, race)),
            Task.Run(() => ApplyWithRetriesAsync(zone, second, race)));
    }

    [Fact]
    public async Task Apply_TwoPartialAppliesRaceEachToZeroOneRecord_OneWinsAndTheOtherIsRefusedNeverZeroZero()
    {
        var zone = Zone(70, 30);

        var outcomes = await RaceAsync(zone, [("tpe", 0)], [("nrt", 0)]);

        Assert.Equal(1, zone.Refused);
        Assert.Single(zone.Applied);
        Assert.Single(outcomes, outcome => outcome is null);
        Assert.IsType<InputValidationException>(Assert.Single(outcomes, outcome => outcome is not null));
        Assert.NotEqual((0L, 0L), (zone.WeightOf("tpe"), zone.WeightOf("nrt")));
    }

    [Fact]
    public async Task Apply_FailoverRacesDrain_TheLoserConflictsThenConvergesOnAFreshRead()
    {
        var zone = Zone(70, 30);

        var outcomes = await RaceAsync(zone, [("tpe", 0), ("nrt", 100)], [("tpe", 100), ("nrt", 0)]);

        Assert.All(outcomes, Assert.Null);
        Assert.Equal(1, zone.Refused);
        Assert.Equal(2, zone.Applied.Count);
        Assert.Contains((zone.WeightOf("tpe"), zone.WeightOf("nrt")), new[] { (0L, 100L), (100L, 0L) });
    }

    [Fact]
    public async Task Apply_AnyTwoAppliesInterleaved_NeverEndAtZeroZero()
    {
        var weight = Gen.Frequency((3, Gen.Const(0)), (3, Gen.Int[1, 255]));
        var desired = Gen.Select(weight, weight, Gen.Int[0, 2], (tpe, nrt, shape) => shape switch
        {
            0 => new[] { ("tpe", tpe), ("nrt", nrt) },
            1 => [("tpe", tpe)],
            _ => [("nrt", nrt)],
        });
        var start = Gen.Select(Gen.Int[0, 255], Gen.Int[0, 255]).Where(weights => weights.Item1 + weights.Item2 > 0);

        await Gen.Select(start, desired, desired).SampleAsync(async sample =>
        {
            var ((tpe, nrt), first, second) = sample;
            var zone = Zone(tpe, nrt);

            await RaceAsync(zone, first, second);

            Assert.NotEqual((0L, 0L), (zone.WeightOf("tpe"), zone.WeightOf("nrt")));
        }, iter: 300, threads: 1);
    }

    /// <summary>Releases the batches once both applies have read the records (or one of them has finished).</summary>
    private sealed class Race
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public Task BothRead => _released.Task.WaitAsync(TimeSpan.FromSeconds(10));

        public void Read()
        {
            if (Interlocked.Increment(ref _reads) >= 2)
            {
                _released.TrySetResult();
            }
        }

        public void Done() => _released.TrySetResult();
    }
}
