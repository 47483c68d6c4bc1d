namespace DrLambdas.DrLab.Time;

/// <summary>Instants origin + k × period (k ≥ 0), the schedule of periodic samplers.</summary>
internal readonly record struct PeriodicGrid(DateTimeOffset Origin, TimeSpan Period)
{
    /// <summary>The first grid instant strictly after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        if (instant < Origin)
        {
            return Origin;
        }

        var index = ((instant - Origin).Ticks / Period.Ticks) + 1;
        return Origin + TimeSpan.FromTicks(index * Period.Ticks);
    }

    /// <summary>Index k of a grid instant.</summary>
    public long IndexOf(DateTimeOffset instant) => (instant - Origin).Ticks / Period.Ticks;

    /// <summary>Whether an instant lies on the grid.</summary>
    public bool Contains(DateTimeOffset instant) =>
        instant >= Origin && (instant - Origin).Ticks % Period.Ticks == 0;
}
