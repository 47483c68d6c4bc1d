using DrLambdas.DrLab.Dns;

namespace DrLambdas.DrLab.World.Traffic;

/// <summary>
/// What the clients meet during one interval between two world events, when nothing they depend on changes: the data
/// plane's answer for the application name (computed at most once) and, per lab Region, whether a read or a write sent
/// there succeeds.
/// </summary>
internal sealed class TrafficSegment(Func<WeightedAnswer?> answer, IReadOnlyList<bool> readOk, IReadOnlyList<bool> writeOk)
{
    private WeightedAnswer? _answer;
    private bool _answered;

    /// <summary>Route 53's candidate set for the application name, or null when it has no weighted records.</summary>
    public WeightedAnswer? Answer()
    {
        if (!_answered)
        {
            _answer = answer();
            _answered = true;
        }

        return _answer;
    }

    /// <summary>Whether a read sent to the Region of index <paramref name="region"/> succeeds (false for no Region, -1).</summary>
    public bool ReadSucceeds(int region) => region >= 0 && readOk[region];

    /// <summary>Whether a write sent through the application of Region <paramref name="region"/> succeeds.</summary>
    public bool WriteSucceeds(int region) => region >= 0 && writeOk[region];
}
