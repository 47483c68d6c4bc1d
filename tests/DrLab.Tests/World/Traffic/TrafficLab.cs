using DrLambdas.DrLab.Time;
using DrLambdas.DrLab.World;
using DrLambdas.DrLab.World.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.DrLab.Tests.World.Traffic;

/// <summary>A realistic-profile lab world on a fake clock with a chosen client population (durations in model seconds).</summary>
internal sealed class TrafficLab
{
    public const int PrimaryIndex = 0;
    public const int SecondaryIndex = 1;

    public TrafficLab(int clients = TrafficModel.DefaultClients, int seed = 1, TimeProfile? profile = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Definition = new WorldDefinition(LabFixture.Primary, LabFixture.Secondary, "tpe", "nrt");
        World = new LabWorld(Definition, profile ?? TimeProfile.Realistic, LabFixture.Secondary, Time, seed, clients);
    }

    public FakeTimeProvider Time { get; }

    public WorldDefinition Definition { get; }

    public LabWorld World { get; }

    /// <summary>Moves the clock by <paramref name="seconds"/> wall seconds (model seconds in the realistic profile).</summary>
    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>Moves the clock to <paramref name="seconds"/> after the epoch.</summary>
    public void AdvanceTo(double seconds) =>
        Time.SetUtcNow(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero) + TimeSpan.FromSeconds(seconds));

    public T Run<T>(Func<WorldState, T> action) => World.Transact(action);

    public void Inject(FaultSpec spec) => Run(state => state.Faults.Add([spec], state.Now));

    public IReadOnlyList<SecondTally> Seconds() => Run(s => s.Traffic.CompletedSeconds(s.Now));

    public SecondTally Second(int k) => Seconds()[k];

    /// <summary>How many clients hold an answer leading to the Region of index <paramref name="region"/> now.</summary>
    public int Holding(int region) => Run(s => s.Traffic.Clients.Answers.Count(a => a == region));

    /// <summary>Weights primary 1, secondary 0: every client resolves the primary while it is healthy.</summary>
    public void SendEveryoneToThePrimary()
    {
        Run(s =>
        {
            var changes = s.Zone.WeightedGroup(Definition.RecordName, Definition.RecordType)
                .Select(r => new RecordChange("UPSERT", r with
                {
                    Weight = string.Equals(r.SetIdentifier, "tpe", StringComparison.Ordinal) ? 1 : 0,
                }))
                .ToList();
            return s.Zone.Apply(changes, "all to the primary", s.Now, s.Conditions);
        });
    }
}
