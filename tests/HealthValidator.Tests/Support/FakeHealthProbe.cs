using System.Collections.Concurrent;
using DrLambdas.HealthValidator.Sources;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Domain;

namespace DrLambdas.HealthValidator.Tests.Support;

/// <summary>
/// A hand-written <see cref="IHealthProbe"/>: answers with <paramref name="answer"/> at call time and records every
/// call, so the seam can stay internal without opening the assembly to Moq's proxy generator.
/// </summary>
internal sealed class FakeHealthProbe(Func<RegionSite, HealthSignal> answer) : IHealthProbe
{
    private readonly ConcurrentQueue<ProbeCall> _calls = new();

    /// <summary>Every probe made so far, in call order.</summary>
    public IReadOnlyList<ProbeCall> Calls => [.. _calls];

    public Task<HealthSignal> ProbeAsync(RegionSite site, TimeSpan budget, CancellationToken cancellationToken)
    {
        _calls.Enqueue(new ProbeCall(site, budget));
        return Task.FromResult(answer(site));
    }
}

/// <summary>One call of <see cref="FakeHealthProbe"/>.</summary>
internal sealed record ProbeCall(RegionSite Site, TimeSpan Budget);
