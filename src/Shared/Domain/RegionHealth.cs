namespace DrLambdas.Shared.Domain;

/// <summary>
/// Every observation of one Region and what each signal kind says by majority. A kind with as many
/// healthy as unhealthy observations (or none) says <see cref="Verdict.Unknown"/>.
/// </summary>
public sealed class RegionHealth
{
    private RegionHealth(string region, IReadOnlyList<HealthSignal> signals)
    {
        Region = region;
        Signals = signals;
    }

    /// <summary>The Region observed.</summary>
    public string Region { get; }

    /// <summary>The observations of this Region, in a canonical order (kind, observer, time).</summary>
    public IReadOnlyList<HealthSignal> Signals { get; }

    /// <summary>The observations that saw the Region failing.</summary>
    public IEnumerable<HealthSignal> Unhealthy => Signals.Where(signal => signal.Verdict == Verdict.Unhealthy);

    /// <summary>Whether any observer saw the Region failing.</summary>
    public bool HasUnhealthySignal => Unhealthy.Any();

    /// <summary>Whether a direct probe saw the Region working.</summary>
    public bool HasHealthyProbe =>
        Signals.Any(signal => signal.Kind == SignalKind.Probe && signal.Verdict == Verdict.Healthy);

    /// <summary>The signal kinds whose majority saw the Region failing, in enum order.</summary>
    public IReadOnlyList<SignalKind> KindsVotingUnhealthy =>
        Enum.GetValues<SignalKind>().Where(kind => VoteOf(kind) == Verdict.Unhealthy).ToList();

    /// <summary>The majority verdict of one signal kind.</summary>
    public Verdict VoteOf(SignalKind kind)
    {
        var ofKind = Signals.Where(signal => signal.Kind == kind).ToList();
        var unhealthy = ofKind.Count(signal => signal.Verdict == Verdict.Unhealthy);
        var healthy = ofKind.Count(signal => signal.Verdict == Verdict.Healthy);
        return unhealthy > healthy ? Verdict.Unhealthy
            : healthy > unhealthy ? Verdict.Healthy
            : Verdict.Unknown;
    }

    /// <summary>Collects the observations of <paramref name="region"/> from all signals.</summary>
    public static RegionHealth Of(string region, IEnumerable<HealthSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var ofRegion = signals
            .Where(signal => string.Equals(signal.Region, region, StringComparison.Ordinal))
            .OrderBy(signal => signal.Kind)
            .ThenBy(signal => signal.Observer, StringComparer.Ordinal)
            .ThenBy(signal => signal.ObservedAt)
            .ThenBy(signal => signal.Verdict)
            .ThenBy(signal => signal.Detail, StringComparer.Ordinal)
            .ToList();
        return new RegionHealth(region, ofRegion);
    }
}
