using DrLambdas.DrLab.Time;
using DrLambdas.DrLab.World;
using Microsoft.Extensions.Time.Testing;

namespace DrLambdas.DrLab.Tests;

/// <summary>A lab world on a fake clock; durations in the tests are wall seconds of the chosen profile.</summary>
internal sealed class LabFixture
{
    public const string Primary = "ap-east-2";
    public const string Secondary = "ap-northeast-1";

    public LabFixture(TimeProfile? profile = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Definition = new WorldDefinition(Primary, Secondary, "tpe", "nrt");
        World = new LabWorld(Definition, profile ?? TimeProfile.Realistic, Secondary, Time);
    }

    public FakeTimeProvider Time { get; }

    public WorldDefinition Definition { get; }

    public LabWorld World { get; }

    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    public T Run<T>(Func<WorldState, T> action) => World.Transact(action);

    public void Inject(FaultSpec spec) => Run(state => state.Faults.Add([spec], state.Now));

    public PromotionOperation Start(PromotionKind kind, string target = Secondary) => Run(state => state.StartPromotion(kind, target));
}
