using System.Threading.Channels;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>
/// The Runtime API state of one bootstrap process: whether it has finished init (first <c>/next</c>),
/// whether it reported an init error, and the invocation in flight. A restarted process gets a new session,
/// so a late post from a killed process cannot complete a newer invocation.
/// </summary>
internal sealed class SandboxSession(BootstrapProcess process)
{
    /// <summary>Synchronous invocation response limit of Lambda (6 MB).</summary>
    public const int MaxResponseBytes = 6 * 1024 * 1024;

    private readonly Channel<PendingInvocation> _handoff = Channel.CreateBounded<PendingInvocation>(1);
    private readonly Lock _gate = new();
    private PendingInvocation? _current;
    private int _exitReported;

    public BootstrapProcess Process { get; } = process;

    /// <summary>Completes at the first <c>/next</c>: init is over.</summary>
    public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the error document when the runtime posts <c>/init/error</c>.</summary>
    public TaskCompletionSource<byte[]> InitError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Stopwatch timestamp of the first <c>/next</c>.</summary>
    public long? ReadyTimestamp { get; private set; }

    /// <summary>True the first time only: the process's exit is logged once.</summary>
    public bool TryMarkExitReported() => Interlocked.Exchange(ref _exitReported, 1) == 0;

    public ValueTask DispatchAsync(PendingInvocation invocation, CancellationToken cancellationToken) =>
        _handoff.Writer.WriteAsync(invocation, cancellationToken);

    /// <summary>Serves <c>GET /next</c>: marks init complete and waits for the next invocation.</summary>
    public async Task<PendingInvocation> NextAsync(CancellationToken aborted)
    {
        lock (_gate)
        {
            ReadyTimestamp ??= System.Diagnostics.Stopwatch.GetTimestamp();
        }

        Ready.TrySetResult();
        var invocation = await _handoff.Reader.ReadAsync(aborted);
        lock (_gate)
        {
            _current = invocation;
        }

        return invocation;
    }

    public RuntimeApiPostResult Respond(string requestId, byte[] body)
    {
        var invocation = TakeCurrent(requestId);
        if (invocation is null)
        {
            return RuntimeApiPostResult.InvalidRequestId;
        }

        if (body.Length > MaxResponseBytes)
        {
            invocation.TryComplete(InvocationStatus.Error, FunctionErrors.TooLarge(body.Length, MaxResponseBytes));
            return RuntimeApiPostResult.PayloadTooLarge;
        }

        invocation.TryComplete(InvocationStatus.Success, body);
        return RuntimeApiPostResult.Accepted;
    }

    public RuntimeApiPostResult Fail(string requestId, byte[] errorDocument)
    {
        var invocation = TakeCurrent(requestId);
        if (invocation is null)
        {
            return RuntimeApiPostResult.InvalidRequestId;
        }

        invocation.TryComplete(InvocationStatus.Error, errorDocument);
        return RuntimeApiPostResult.Accepted;
    }

    public RuntimeApiPostResult FailInit(byte[] errorDocument)
    {
        InitError.TrySetResult(errorDocument);
        return RuntimeApiPostResult.Accepted;
    }

    private PendingInvocation? TakeCurrent(string requestId)
    {
        lock (_gate)
        {
            if (_current is null || _current.Request.RequestId != requestId)
            {
                return null;
            }

            var invocation = _current;
            _current = null;
            return invocation;
        }
    }
}
