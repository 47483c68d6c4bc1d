using System.Collections.Concurrent;
using DrLambdas.LambdaEmulator.Configuration;
using DrLambdas.LambdaEmulator.Diagnostics;

namespace DrLambdas.LambdaEmulator.Functions;

/// <summary>
/// The instances of one function. Like Lambda, an invocation takes an idle (warm) instance, or a new one
/// when all are busy, up to <see cref="EmulatorSettings.MaxInstancesPerFunction"/>; beyond that it waits
/// in line. Instances are created lazily, so the first invocation of each is a cold start.
/// </summary>
internal sealed class FunctionPool : IAsyncDisposable
{
    private readonly FunctionDefinition _function;
    private readonly EmulatorSettings _settings;
    private readonly EmulatorLog _log;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<FunctionInstance> _idle = new();
    private readonly ConcurrentBag<FunctionInstance> _all = [];
    private int _created;

    public FunctionPool(FunctionDefinition function, EmulatorSettings settings, EmulatorLog log, TimeProvider timeProvider)
    {
        _function = function;
        _settings = settings;
        _log = log;
        _timeProvider = timeProvider;
        _slots = new SemaphoreSlim(settings.MaxInstancesPerFunction, settings.MaxInstancesPerFunction);
    }

    public FunctionDefinition Function => _function;

    public int InstanceCount => _all.Count;

    /// <summary>Peak RSS over the instances' current or last processes, in KiB.</summary>
    public long? PeakResidentKb => _all.Select(instance => instance.PeakResidentKb).Max();

    /// <summary>Exit codes of the instances' last ended processes.</summary>
    public IReadOnlyList<int> LastExitCodes => [.. _all.Select(instance => instance.LastExitCode).OfType<int>()];

    public async Task<InvocationOutcome> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var instance = _idle.TryPop(out var idle) ? idle : Create();
        try
        {
            var outcome = await instance.InvokeAsync(request, cancellationToken);
            _log.Write(
                "INFO",
                "REPORT",
                new("function", _function.Name),
                new("requestId", request.RequestId),
                new("status", outcome.Status.ToString()),
                new("coldStart", outcome.ColdStart),
                new("initDurationMs", outcome.InitDurationMs),
                new("durationMs", outcome.DurationMs),
                new("maxMemoryUsedKb", outcome.PeakResidentKb),
                new("memorySizeMb", _function.MemorySizeMb));
            return outcome;
        }
        finally
        {
            _idle.Push(instance);
            _slots.Release();
        }
    }

    /// <summary>Stops every instance's process once no invocation is in flight, so the next invocation is cold.</summary>
    public async Task StopProcessesAsync(CancellationToken cancellationToken)
    {
        var held = 0;
        try
        {
            for (; held < _settings.MaxInstancesPerFunction; held++)
            {
                await _slots.WaitAsync(cancellationToken);
            }

            foreach (var instance in _all)
            {
                await instance.StopProcessAsync();
            }
        }
        finally
        {
            if (held > 0)
            {
                _slots.Release(held);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _all)
        {
            await instance.DisposeAsync();
        }

        _slots.Dispose();
    }

    private FunctionInstance Create()
    {
        var instance = new FunctionInstance(_function, _settings, _log, _timeProvider, Interlocked.Increment(ref _created));
        _all.Add(instance);
        return instance;
    }
}
