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

/// <summary>One published sample: its CloudWatch timestamp, its value and when CloudWatch has ingested it.</summary>
internal readonly record struct MetricSample(DateTimeOffset Timestamp, double Value, DateTimeOffset VisibleAt);

/// <summary>
/// The CloudWatch metrics the lab publishes, sample by sample, and GetMetricData's aggregation over them. A sample is
/// invisible (to GetMetricData and to alarms) until its ingestion instant has passed.
/// </summary>
internal sealed class MetricStore
{
    private const int MaxSamplesPerSeries = 50_000;

    private readonly Dictionary<MetricKey, List<MetricSample>> _series = [];

    /// <summary>Publishes a sample stamped <paramref name="timestamp"/> that becomes visible at <paramref name="visibleAt"/>.</summary>
    public void Put(MetricKey key, DateTimeOffset timestamp, double value, DateTimeOffset visibleAt)
    {
        if (!_series.TryGetValue(key, out var samples))
        {
            samples = [];
            _series[key] = samples;
        }

        samples.Add(new MetricSample(timestamp, value, visibleAt));
        if (samples.Count > MaxSamplesPerSeries)
        {
            samples.RemoveRange(0, samples.Count - MaxSamplesPerSeries);
        }
    }

    /// <summary>The newest sample of a series visible at <paramref name="now"/>, or null.</summary>
    public Datapoint? Latest(MetricKey key, DateTimeOffset now)
    {
        if (_series.TryGetValue(key, out var samples))
        {
            for (var i = samples.Count - 1; i >= 0; i--)
            {
                if (samples[i].VisibleAt <= now)
                {
                    return new Datapoint(samples[i].Timestamp, samples[i].Value);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Datapoints of one series in [start, end) visible at <paramref name="now"/>, one per period aligned to the Unix
    /// epoch, with CloudWatch's statistic (SampleCount, Average, Sum, Minimum, Maximum or pNN), newest first unless
    /// <paramref name="ascending"/>.
    /// </summary>
    public IReadOnlyList<Datapoint> Query(
        MetricKey key, DateTimeOffset start, DateTimeOffset end, int periodSeconds, string stat, bool ascending, DateTimeOffset now)
    {
        var aggregate = Aggregator(stat);
        if (!_series.TryGetValue(key, out var samples))
        {
            return [];
        }

        var buckets = samples
            .Where(s => s.Timestamp >= start && s.Timestamp < end && s.VisibleAt <= now)
            .GroupBy(s => s.Timestamp.ToUnixTimeSeconds() / periodSeconds)
            .Select(g => new Datapoint(DateTimeOffset.FromUnixTimeSeconds(g.Key * periodSeconds), aggregate(g.Select(s => s.Value).ToList())));
        return (ascending ? buckets.OrderBy(d => d.Timestamp) : buckets.OrderByDescending(d => d.Timestamp)).ToList();
    }

    /// <summary>The statistic over the samples stamped in [start, end) and visible at <paramref name="now"/>; null when none.</summary>
    public double? Aggregate(MetricKey key, DateTimeOffset start, DateTimeOffset end, string stat, DateTimeOffset now)
    {
        if (!_series.TryGetValue(key, out var samples))
        {
            return null;
        }

        var values = samples.Where(s => s.Timestamp >= start && s.Timestamp < end && s.VisibleAt <= now).Select(s => s.Value).ToList();
        return values.Count == 0 ? null : Aggregator(stat)(values);
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
