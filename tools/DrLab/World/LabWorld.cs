using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// The lab world behind one lock: every request catches the world up to the injected clock and then reads or
/// changes it atomically.
/// </summary>
internal sealed class LabWorld
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly string _initialObserver;
    private WorldState _state;

    public LabWorld(WorldDefinition definition, TimeProfile profile, string observerRegion, TimeProvider time)
    {
        Definition = definition;
        Profile = profile;
        _time = time;
        _initialObserver = observerRegion;
        _state = new WorldState(definition, profile, observerRegion, time.GetUtcNow());
    }

    public WorldDefinition Definition { get; }

    public TimeProfile Profile { get; }

    /// <summary>Runs <paramref name="action"/> on the world caught up to now.</summary>
    public T Transact<T>(Func<WorldState, T> action)
    {
        lock (_gate)
        {
            _state.AdvanceTo(_time.GetUtcNow());
            return action(_state);
        }
    }

    /// <summary>Back to the initial world: no faults, primary writer, normal weights, empty logs.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _state = new WorldState(Definition, Profile, _initialObserver, _time.GetUtcNow());
        }
    }
}
