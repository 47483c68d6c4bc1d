namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>What the Invoke API returns for one invocation, and how it went.</summary>
/// <param name="Payload">The response, or the error document when <see cref="IsFunctionError"/>.</param>
/// <param name="Status">How the invocation ended.</param>
/// <param name="ColdStart">Whether a new process was started for it.</param>
/// <param name="InitDurationMs">Process start → first <c>/next</c>, on a cold start.</param>
/// <param name="StartToResponseMs">Process start → response or error, on a cold start.</param>
/// <param name="DurationMs">Hand-off to the runtime → response or error.</param>
/// <param name="PeakResidentKb">The process's peak RSS (VmHWM) so far, when readable.</param>
internal sealed record InvocationOutcome(
    byte[] Payload,
    InvocationStatus Status,
    bool ColdStart,
    double? InitDurationMs,
    double? StartToResponseMs,
    double DurationMs,
    long? PeakResidentKb)
{
    public bool IsFunctionError => Status != InvocationStatus.Success;
}
