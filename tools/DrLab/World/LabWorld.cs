using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// The lab world behind one lock: every request catches the world up to the injected clock and then reads or
/// changes it atomically. The deployment (alarms, topics, state machines created through the APIs) outlives resets.
/// </summary>
internal sealed class LabWorld
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly string _initialObserver;
    private readonly int _faultSeed;
    private readonly int _clients;
    private WorldState _state;

    public LabWorld(
        WorldDefinition definition,
        TimeProfile profile,
        string observerRegion,
        TimeProvider time,
        int faultSeed = 1,
        int clients = Traffic.TrafficModel.DefaultClients)
    {
        Definition = definition;
        Profile = profile;
        _time = time;
        _initialObserver = observerRegion;
        _faultSeed = faultSeed;
        _clients = clients;
        Deployment = new Deployment();
        _state = new WorldState(definition, profile, observerRegion, time.GetUtcNow(), Deployment, faultSeed, clients);
    }

    public WorldDefinition Definition { get; }

    public TimeProfile Profile { get; }

    /// <summary>What was created through the AWS APIs; read it inside <see cref="Transact{T}"/>.</summary>
    public Deployment Deployment { get; }

    /// <summary>Runs <paramref name="action"/> on the world caught up to now.</summary>
    public T Transact<T>(Func<WorldState, T> action)
    {
        lock (_gate)
        {
            _state.AdvanceTo(_time.GetUtcNow());
            return action(_state);
        }
    }

    /// <summary>The KmsMasterKeyId an SNS topic was created with, or null (unencrypted or no such topic).</summary>
    public string? TopicKmsKey(string topicArn) => Transact(state => state.TopicKmsKey(topicArn));

    /// <summary>
    /// Back to the initial world: no faults, primary writer, normal weights, empty logs. The deployment stays; its
    /// alarms start again from INSUFFICIENT_DATA.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            _state = new WorldState(Definition, Profile, _initialObserver, _time.GetUtcNow(), Deployment, _faultSeed, _clients);
        }
    }
}
