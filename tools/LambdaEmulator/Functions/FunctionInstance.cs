using System.Diagnostics;
using System.Globalization;
using DrLambdas.LambdaEmulator.Configuration;
using DrLambdas.LambdaEmulator.Diagnostics;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>
/// One execution environment of a function: a Runtime API endpoint and, while warm, a bootstrap process.
/// Serves one invocation at a time (its <see cref="FunctionPool"/> guarantees that). A process that is not
/// running (never started, crashed, timed out, reset) is started on the next invocation: a cold start.
/// </summary>
internal sealed class FunctionInstance : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromMilliseconds(500);
    private readonly FunctionDefinition _function;
    private readonly EmulatorSettings _settings;
    private readonly EmulatorLog _log;
    private readonly TimeProvider _timeProvider;
    private readonly int _number;
    private RuntimeApiEndpoint? _endpoint;
    private SandboxSession? _session;

    public FunctionInstance(FunctionDefinition function, EmulatorSettings settings, EmulatorLog log, TimeProvider timeProvider, int number)
    {
        _function = function;
        _settings = settings;
        _log = log;
        _timeProvider = timeProvider;
        _number = number;
    }

    public string InvokedFunctionArn => $"arn:aws:lambda:{_settings.Region}:{_settings.AccountId}:function:{_function.Name}";

    /// <summary>Exit code of the last process that ended, if any (for diagnostics and tests).</summary>
    public int? LastExitCode { get; private set; }

    public long? PeakResidentKb { get; private set; }

    public bool IsWarm => _session is { Process.HasExited: false, Ready.Task.IsCompletedSuccessfully: true };

    public async Task<InvocationOutcome> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken)
    {
        _endpoint ??= await RuntimeApiEndpoint.StartAsync(() => _session);
        var coldStart = !IsWarm;
        if (coldStart)
        {
            await StopProcessAsync();
            var initFailure = await StartAndInitializeAsync(request.RequestId, cancellationToken);
            if (initFailure is not null)
            {
                return initFailure;
            }
        }

        var session = _session!;
        var pending = new PendingInvocation(request, _timeProvider.GetUtcNow() + _function.Timeout, InvokedFunctionArn);
        var dispatched = Stopwatch.GetTimestamp();
        await session.DispatchAsync(pending, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(_function.Timeout, _timeProvider, timeout.Token);
        var finished = await Task.WhenAny(pending.Completion, session.Process.Exited, timer);
        await timeout.CancelAsync();

        (InvocationStatus Status, byte[] Payload) result;
        if (finished == pending.Completion || pending.Completion.IsCompleted)
        {
            result = await pending.Completion;
        }
        else if (finished == session.Process.Exited)
        {
            var exitCode = await session.Process.Exited;
            result = (InvocationStatus.Crash, FunctionErrors.Exited(request.RequestId, exitCode));
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
            session.Process.Kill();
            result = (InvocationStatus.Timeout, FunctionErrors.TimedOut(request.RequestId, _function.Timeout));
        }

        var completed = Stopwatch.GetTimestamp();
        SamplePeakMemory(session);
        await RecordExitAsync(session);
        return new InvocationOutcome(
            result.Payload,
            result.Status,
            coldStart,
            coldStart ? Milliseconds(session.Process.StartTimestamp, session.ReadyTimestamp ?? completed) : null,
            coldStart ? Milliseconds(session.Process.StartTimestamp, completed) : null,
            Milliseconds(dispatched, completed),
            PeakResidentKb);
    }

    /// <summary>Stops the process (SIGTERM, then SIGKILL after a grace period); the next invocation is cold.</summary>
    public async Task StopProcessAsync()
    {
        if (_session is { } session)
        {
            await session.Process.StopAsync(StopGrace);
            await RecordExitAsync(session);
            session.Process.Dispose();
            _session = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync();
        }
    }

    private static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private async Task<InvocationOutcome?> StartAndInitializeAsync(string requestId, CancellationToken cancellationToken)
    {
        PeakResidentKb = null;
        var environment = LambdaEnvironmentBuilder.Build(_function, _settings, _endpoint!.Address, LogStreamName());
        var process = BootstrapProcess.Start(_function.BootstrapPath, environment, _log.FunctionOutput);
        var session = new SandboxSession(process);
        _session = session;
        _log.Info("Bootstrap started.", new("function", _function.Name), new("instance", _number), new("pid", process.Id));

        using var initTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(_settings.InitTimeout, _timeProvider, initTimeout.Token);
        var finished = await Task.WhenAny(session.Ready.Task, session.InitError.Task, process.Exited, timer);
        await initTimeout.CancelAsync();
        if (finished == session.Ready.Task)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        byte[] error;
        if (finished == session.InitError.Task)
        {
            error = await session.InitError.Task;
            // The runtime exits by itself after reporting; give it a moment before stopping it.
            await Task.WhenAny(process.Exited, Task.Delay(StopGrace, _timeProvider, CancellationToken.None));
            await process.StopAsync(StopGrace);
        }
        else if (finished == process.Exited)
        {
            error = FunctionErrors.Exited(requestId, await process.Exited);
        }
        else
        {
            process.Kill();
            error = FunctionErrors.InitTimedOut(requestId, _settings.InitTimeout);
        }

        var failed = Stopwatch.GetTimestamp();
        await RecordExitAsync(session);
        var elapsed = Milliseconds(process.StartTimestamp, failed);
        return new InvocationOutcome(error, InvocationStatus.InitError, true, elapsed, elapsed, 0, PeakResidentKb);
    }

    private void SamplePeakMemory(SandboxSession session)
    {
        if (session.Process.PeakResidentKb() is { } peak)
        {
            PeakResidentKb = Math.Max(PeakResidentKb ?? 0, peak);
        }
    }

    private async Task RecordExitAsync(SandboxSession session)
    {
        if (!session.Process.HasExited || !session.TryMarkExitReported())
        {
            return;
        }

        LastExitCode = await session.Process.Exited;
        _log.Info(
            "Bootstrap exited.",
            new("function", _function.Name),
            new("instance", _number),
            new("pid", session.Process.Id),
            new("exitCode", LastExitCode.Value));
    }

    private string LogStreamName()
    {
        var today = _timeProvider.GetUtcNow().ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        return $"{today}/[$LATEST]{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())}";
    }
}
