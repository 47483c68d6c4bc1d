namespace DrLambdas.DrLab.World.Traffic;

/// <summary>Per-model-second counts of the clients' reads and writes, the ground truth of serving and write RTO.</summary>
internal sealed class SuccessLedger
{
    private readonly List<int[]> _seconds = [];

    /// <summary>Counts one read and one write sent in model second <paramref name="second"/>.</summary>
    public void Record(long second, bool readOk, bool writeOk)
    {
        while (_seconds.Count <= second)
        {
            _seconds.Add(new int[4]);
        }

        var tally = _seconds[(int)second];
        tally[0]++;
        tally[1] += readOk ? 1 : 0;
        tally[2]++;
        tally[3] += writeOk ? 1 : 0;
    }

    /// <summary>The first <paramref name="count"/> seconds (those already over), oldest first; seconds without requests count zero.</summary>
    public IReadOnlyList<SecondTally> Completed(long count)
    {
        var result = new List<SecondTally>((int)Math.Max(0, count));
        for (var k = 0; k < count; k++)
        {
            var t = k < _seconds.Count ? _seconds[k] : new int[4];
            result.Add(new SecondTally(k, t[0], t[1], t[2], t[3]));
        }

        return result;
    }
}
