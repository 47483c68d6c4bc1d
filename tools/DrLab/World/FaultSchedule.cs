using System.Globalization;
using DrLambdas.DrLab.Time;

namespace DrLambdas.DrLab.World;

/// <summary>
/// Every fault ever injected, kept with its time window so the world's past stays a function of time. Request faults
/// draw from a generator seeded by the lab's seed and the fault's number.
/// </summary>
internal sealed class FaultSchedule(TimeProfile profile, int seed = 1)
{
    private readonly List<Fault> _faults = [];
    private int _nextId = 1;

    public IReadOnlyList<Fault> All => _faults;

    /// <summary>Schedules faults relative to <paramref name="now"/>; model seconds are scaled by the time profile.</summary>
    public IReadOnlyList<Fault> Add(IEnumerable<FaultSpec> specs, DateTimeOffset now)
    {
        var added = new List<Fault>();
        foreach (var spec in specs)
        {
            var startsAt = now + profile.ToWall(spec.AtSeconds);
            DateTimeOffset? endsAt = spec.DurationSeconds is { } duration ? startsAt + profile.ToWall(duration) : null;
            var number = _nextId++;
            var fault = new Fault(
                string.Create(CultureInfo.InvariantCulture, $"f{number}"),
                spec,
                startsAt,
                endsAt,
                profile.ToWall(spec.DownSeconds),
                profile.ToWall(spec.UpSeconds),
                unchecked((seed * 7919) + number));
            _faults.Add(fault);
            added.Add(fault);
        }

        return added;
    }

    /// <summary>Ends every active fault now and cancels the scheduled ones; returns how many were affected.</summary>
    public int ClearAll(DateTimeOffset now)
    {
        var affected = 0;
        foreach (var fault in _faults.Where(f => f.EndsAt is null || f.EndsAt > now))
        {
            fault.EndAt(now);
            affected++;
        }

        return affected;
    }

    /// <summary>Ends one fault now; false when no such fault exists.</summary>
    public bool Clear(string id, DateTimeOffset now)
    {
        var fault = _faults.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));
        fault?.EndAt(now);
        return fault is not null;
    }

    public DateTimeOffset? NextTransitionAfter(DateTimeOffset instant)
    {
        DateTimeOffset? next = null;
        foreach (var fault in _faults)
        {
            if (fault.NextTransitionAfter(instant) is { } candidate && (next is null || candidate < next))
            {
                next = candidate;
            }
        }

        return next;
    }

    public WorldConditions ConditionsAt(DateTimeOffset instant)
    {
        var regionsDown = new HashSet<string>(StringComparer.Ordinal);
        var appsDown = new HashSet<string>(StringComparer.Ordinal);
        var databasesDown = new HashSet<string>(StringComparer.Ordinal);
        var partitioned = false;
        double? lag = null;
        var promotionFactor = 1.0;
        var stuck = false;
        var dnsFactor = 1.0;
        var route53Unreachable = false;
        var witnessUnreachable = false;
        foreach (var fault in _faults.Where(f => f.IsActiveAt(instant)))
        {
            var spec = fault.Spec;
            switch (fault.Kind)
            {
                case FaultKind.RegionOutage:
                    regionsDown.Add(spec.Region!);
                    break;
                case FaultKind.AppOutage:
                    appsDown.Add(spec.Region!);
                    break;
                case FaultKind.FlappingHealth when fault.IsFlappingDownAt(instant):
                    appsDown.Add(spec.Region!);
                    break;
                case FaultKind.DatabaseOutage:
                    databasesDown.Add(spec.Region!);
                    break;
                case FaultKind.Partition:
                    partitioned = true;
                    break;
                case FaultKind.ReplicationLag:
                    lag = Math.Max(lag ?? 0, spec.LagMilliseconds);
                    break;
                case FaultKind.SlowPromotion:
                    promotionFactor = Math.Max(promotionFactor, spec.Factor);
                    break;
                case FaultKind.StuckPromotion:
                    stuck = true;
                    break;
                case FaultKind.SlowDnsPropagation:
                    dnsFactor = Math.Max(dnsFactor, spec.Factor);
                    break;
                case FaultKind.Route53ApiUnreachable:
                    route53Unreachable = true;
                    break;
                case FaultKind.WitnessUnreachable:
                    witnessUnreachable = true;
                    break;
                default:
                    break;
            }
        }

        return new WorldConditions(regionsDown, appsDown, databasesDown, partitioned, lag, promotionFactor, stuck, dnsFactor, route53Unreachable, witnessUnreachable);
    }

    /// <summary>The request fault (throttling or server error) that fails this call, if any.</summary>
    public Fault? FailingRequestFault(string service, string region, string operation, DateTimeOffset instant) =>
        _faults.FirstOrDefault(f =>
            f.Kind is FaultKind.Throttling or FaultKind.ServerErrors
            && f.IsActiveAt(instant)
            && f.Matches(service, region, operation)
            && f.FailsNextRequest());
}
