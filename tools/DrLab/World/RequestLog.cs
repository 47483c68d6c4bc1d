namespace DrLambdas.DrLab.World;

/// <summary>One request to the lab's AWS or application endpoints.</summary>
/// <param name="At">When the lab answered (lab clock).</param>
/// <param name="Service">Signing name (rds, sns, monitoring, states, route53) or "app" for health probes.</param>
/// <param name="Operation">The API operation, or "Health".</param>
/// <param name="Region">The Region the request addressed.</param>
/// <param name="Outcome">"OK", the AWS error code returned, UP/DOWN for probes, or "Unreachable" when the connection was aborted.</param>
/// <param name="HttpStatus">The status returned (0 when the connection was aborted).</param>
/// <param name="RequestId">The request id the lab returned.</param>
/// <param name="Detail">A short note: the failover target, the change id, the fault that failed the call.</param>
/// <param name="Principal">The role ARN the call's access key acts as (null for probes and unauthenticated calls).</param>
internal sealed record LoggedRequest(
    DateTimeOffset At,
    string Service,
    string Operation,
    string Region,
    string Outcome,
    int HttpStatus,
    string RequestId,
    string? Detail,
    string? Principal = null);

/// <summary>Every request the lab answered, in order, so tests and drills can count calls.</summary>
internal sealed class RequestLog
{
    private const int Capacity = 100_000;
    private readonly List<LoggedRequest> _entries = [];

    public IReadOnlyList<LoggedRequest> Entries => _entries;

    public void Add(LoggedRequest entry)
    {
        _entries.Add(entry);
        if (_entries.Count > Capacity)
        {
            _entries.RemoveRange(0, _entries.Count - Capacity);
        }
    }
}
