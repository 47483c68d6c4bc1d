using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World.Traffic;

public class DeterminismTests
{
    private static List<string> Run(int seed, IEnumerable<double> instants)
    {
        var lab = new TrafficLab(seed: seed);
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 20, 100, LabFixture.Primary));
        foreach (var instant in instants)
        {
            lab.AdvanceTo(instant);
            lab.Run(s => s.Now);
        }

        return lab.Seconds().Select(s => s.ToString()).ToList();
    }

    [Fact]
    public void Seconds_SameSeedPolledDifferently_Identical()
    {
        var finelyPolled = Run(7, Enumerable.Range(1, 1800).Select(i => i / 8.0));
        var polledOnce = Run(7, [225]);

        Assert.Equal(225, finelyPolled.Count);
        Assert.Equal(finelyPolled, polledOnce);
    }

    [Fact]
    public void Answers_DifferentSeeds_DrawDifferentRegions()
    {
        var first = new TrafficLab(seed: 1).Run(s => s.Traffic.Clients.Answers.ToArray());
        var second = new TrafficLab(seed: 2).Run(s => s.Traffic.Clients.Answers.ToArray());

        Assert.NotEqual(first, second);
    }
}
