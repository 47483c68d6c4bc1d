namespace DrLambdas.DrLab.World;

/// <summary>One injected fault with its absolute time window [StartsAt, EndsAt).</summary>
internal sealed class Fault
{
    private readonly Random? _random;

    public Fault(string id, FaultSpec spec, DateTimeOffset startsAt, DateTimeOffset? endsAt, TimeSpan down, TimeSpan up, int seed = 0)
    {
        _random = spec.Kind is FaultKind.Throttling or FaultKind.ServerErrors ? new Random(seed) : null;
        Id = id;
        Spec = spec;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Down = down;
        Up = up;
    }

    public string Id { get; }

    public FaultSpec Spec { get; }

    public FaultKind Kind => Spec.Kind;

    public DateTimeOffset StartsAt { get; }

    /// <summary>Null while the fault lasts until cleared.</summary>
    public DateTimeOffset? EndsAt { get; private set; }

    /// <summary>Wall-clock length of a DOWN phase of a flapping fault.</summary>
    public TimeSpan Down { get; }

    /// <summary>Wall-clock length of an UP phase of a flapping fault.</summary>
    public TimeSpan Up { get; }

    /// <summary>How many requests a rate fault has failed.</summary>
    public long Hits { get; private set; }

    public bool IsActiveAt(DateTimeOffset instant) => instant >= StartsAt && (EndsAt is null || instant < EndsAt);

    /// <summary>Ends the fault at <paramref name="instant"/>; a fault that has not started yet is cancelled.</summary>
    public void EndAt(DateTimeOffset instant)
    {
        if (EndsAt is null || EndsAt > instant)
        {
            EndsAt = instant < StartsAt ? StartsAt : instant;
        }
    }

    /// <summary>For a flapping fault: whether the application is in a DOWN phase at the instant.</summary>
    public bool IsFlappingDownAt(DateTimeOffset instant)
    {
        if (!IsActiveAt(instant))
        {
            return false;
        }

        var cycle = Down + Up;
        var intoCycle = TimeSpan.FromTicks((instant - StartsAt).Ticks % cycle.Ticks);
        return intoCycle < Down;
    }

    /// <summary>The first instant strictly after <paramref name="instant"/> when this fault changes the world, or null.</summary>
    public DateTimeOffset? NextTransitionAfter(DateTimeOffset instant)
    {
        if (instant < StartsAt)
        {
            return StartsAt;
        }

        if (EndsAt is { } end && instant >= end)
        {
            return null;
        }

        DateTimeOffset? next = EndsAt;
        if (Kind == FaultKind.FlappingHealth)
        {
            var cycle = Down + Up;
            var cycleStart = StartsAt + TimeSpan.FromTicks((instant - StartsAt).Ticks / cycle.Ticks * cycle.Ticks);
            var edge = instant < cycleStart + Down ? cycleStart + Down : cycleStart + cycle;
            if (next is null || edge < next)
            {
                next = edge;
            }
        }

        return next;
    }

    /// <summary>
    /// Whether a rate fault fails this request: each matching request independently with probability <c>rate</c>, from
    /// the fault's own seeded generator (so a run with the same seed and the same requests fails the same ones).
    /// </summary>
    public bool FailsNextRequest()
    {
        if (_random is null || _random.NextDouble() >= Spec.Rate)
        {
            return false;
        }

        Hits++;
        return true;
    }

    /// <summary>Whether a request fault applies to this call.</summary>
    public bool Matches(string service, string region, string operation) =>
        (Spec.Service is null || string.Equals(Spec.Service, service, StringComparison.OrdinalIgnoreCase))
        && (Spec.Region is null || string.Equals(Spec.Region, region, StringComparison.Ordinal))
        && (Spec.Operation is null || string.Equals(Spec.Operation, operation, StringComparison.Ordinal));
}
