using System.Globalization;

namespace DrLambdas.DrLab.World;

/// <summary>A metric's identity: Region, namespace, name and its exact dimension set.</summary>
internal sealed record MetricKey(string Region, string Namespace, string Name, string Dimensions)
{
    public static MetricKey Of(string region, string ns, string name, IEnumerable<(string Name, string Value)> dimensions) =>
        new(region, ns, name, string.Join('|', dimensions
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => d.Name + "=" + d.Value)));
}

/// <summary>One aggregated datapoint.</summary>
internal readonly record struct Datapoint(DateTimeOffset Timestamp, double Value);

/// <summary>The CloudWatch metrics the lab publishes, sample by sample, and GetMetricData's aggregation over them.</summary>
internal sealed class MetricStore
{
    private const int MaxSamplesPerSeries = 50_000;

    private readonly Dictionary<MetricKey, List<Datapoint>> _series = [];

    public void Put(MetricKey key, DateTimeOffset at, double value)
    {
        if (!_series.TryGetValue(key, out var samples))
        {
            samples = [];
            _series[key] = samples;
        }

        samples.Add(new Datapoint(at, value));
        if (samples.Count > MaxSamplesPerSeries)
        {
            samples.RemoveRange(0, samples.Count - MaxSamplesPerSeries);
        }
    }

    /// <summary>The newest raw sample of a series, or null.</summary>
    public Datapoint? Latest(MetricKey key) =>
        _series.TryGetValue(key, out var samples) && samples.Count > 0 ? samples[^1] : null;

    /// <summary>
    /// Datapoints of one series in [start, end), one per period aligned to the epoch, with CloudWatch's statistic
    /// (SampleCount, Average, Sum, Minimum, Maximum or pNN), newest first unless <paramref name="ascending"/>.
    /// </summary>
    public IReadOnlyList<Datapoint> Query(MetricKey key, DateTimeOffset start, DateTimeOffset end, int periodSeconds, string stat, bool ascending)
    {
        var aggregate = Aggregator(stat);
        if (!_series.TryGetValue(key, out var samples))
        {
            return [];
        }

        var buckets = samples
            .Where(s => s.Timestamp >= start && s.Timestamp < end)
            .GroupBy(s => s.Timestamp.ToUnixTimeSeconds() / periodSeconds)
            .Select(g => new Datapoint(DateTimeOffset.FromUnixTimeSeconds(g.Key * periodSeconds), aggregate(g.Select(s => s.Value).ToList())));
        return (ascending ? buckets.OrderBy(d => d.Timestamp) : buckets.OrderByDescending(d => d.Timestamp)).ToList();
    }

    /// <summary>Whether CloudWatch accepts the statistic name.</summary>
    public static bool IsKnownStatistic(string stat)
    {
        try
        {
            Aggregator(stat);
            return true;
        }
        catch (LabError)
        {
            return false;
        }
    }

    private static Func<IReadOnlyList<double>, double> Aggregator(string stat) => stat switch
    {
        "SampleCount" => values => values.Count,
        "Average" => values => values.Average(),
        "Sum" => values => values.Sum(),
        "Minimum" => values => values.Min(),
        "Maximum" => values => values.Max(),
        _ when stat.Length > 1 && stat[0] == 'p'
               && double.TryParse(stat.AsSpan(1), NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
               && p is >= 0 and <= 100 => values => Percentile(values, p),
        _ => throw new LabError("InvalidParameterValue",
            $"The value {stat} for parameter Stat is not a valid statistic: use SampleCount, Average, Sum, Minimum, Maximum or pNN."),
    };

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
