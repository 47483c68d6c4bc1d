using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Operations;

/// <summary>The counts of one <c>probe</c> invocation; rounds overlap, so every update is locked.</summary>
internal sealed class ProbeTally(IEnumerable<string> targets)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Healthy, int Unhealthy, int Unknown)> _byTarget =
        targets.ToDictionary(target => target, _ => (0, 0, 0), StringComparer.Ordinal);

    private int _published;
    private int _publishFailures;

    public int Published
    {
        get
        {
            lock (_lock)
            {
                return _published;
            }
        }
    }

    public int PublishFailures
    {
        get
        {
            lock (_lock)
            {
                return _publishFailures;
            }
        }
    }

    public IReadOnlyList<ProbeTargetSummary> Targets
    {
        get
        {
            lock (_lock)
            {
                return _byTarget.Select(pair => new ProbeTargetSummary(pair.Key, pair.Value.Healthy, pair.Value.Unhealthy, pair.Value.Unknown)).ToList();
            }
        }
    }

    public void Count(HealthSignal signal)
    {
        lock (_lock)
        {
            var (healthy, unhealthy, unknown) = _byTarget.GetValueOrDefault(signal.Region);
            _byTarget[signal.Region] = signal.Verdict switch
            {
                Verdict.Healthy => (healthy + 1, unhealthy, unknown),
                Verdict.Unhealthy => (healthy, unhealthy + 1, unknown),
                _ => (healthy, unhealthy, unknown + 1),
            };
        }
    }

    public void Publish(int datapoints, bool succeeded)
    {
        lock (_lock)
        {
            if (succeeded)
            {
                _published += datapoints;
            }
            else
            {
                _publishFailures += datapoints;
            }
        }
    }
}
