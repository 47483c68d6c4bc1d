namespace DrLambdas.Shared.Configuration;

/// <summary>How evidence is gathered.</summary>
/// <param name="Attempts">Health probe attempts per Region.</param>
/// <param name="AttemptTimeout">Timeout per probe attempt.</param>
/// <param name="SourceTimeout">Time allowed per evidence source.</param>
public sealed record ProbeSettings(int Attempts, TimeSpan AttemptTimeout, TimeSpan SourceTimeout);
