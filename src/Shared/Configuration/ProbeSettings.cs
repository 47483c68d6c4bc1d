namespace DrLambdas.Shared.Configuration;

/// <summary>How evidence is gathered.</summary>
/// <param name="Attempts">Health probe attempts per Region.</param>
/// <param name="AttemptTimeout">Timeout per probe attempt.</param>
/// <param name="SourceTimeout">Time allowed per evidence source.</param>
public sealed record ProbeSettings(int Attempts, TimeSpan AttemptTimeout, TimeSpan SourceTimeout)
{
    /// <summary>The scheduled probes: their pace, where their metric lives and who else observes.</summary>
    public ProbeSchedule Schedule { get; init; } = ProbeSchedule.Default;
}
