namespace DrLambdas.HealthValidator.Sources;

/// <summary>How long each evidence source may take: its configured timeout, bounded by the Lambda deadline.</summary>
internal static class EvidenceBudget
{
    /// <summary>Time kept back from the deadline to decide and answer after the sources.</summary>
    public static readonly TimeSpan Reserve = TimeSpan.FromSeconds(1);

    /// <summary>The least a source is given even close to the deadline.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(200);

    /// <summary>The per-source timeout for an invocation with <paramref name="remaining"/> time left.</summary>
    public static TimeSpan PerSource(TimeSpan configured, TimeSpan remaining)
    {
        var available = remaining - Reserve;
        var bounded = available < configured ? available : configured;
        return bounded < Minimum ? Minimum : bounded;
    }
}
