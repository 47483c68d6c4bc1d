using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Failback;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Failback;

public class ExtraSignalRequirementTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private static ExtraSignalReading Reading(string alarm, Verdict verdict) =>
        new("msk-replication-lag", alarm, Tpe, verdict, $"alarm {alarm} state", T0);

    [Fact]
    public void Problems_AllOk_None()
    {
        var problems = ExtraSignalRequirement.Problems([Reading("a", Verdict.Healthy), Reading("b", Verdict.Healthy)]);

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(Verdict.Unhealthy)]
    [InlineData(Verdict.Unknown)]
    public void Problems_AnyReadingNotOk_NamesIt(Verdict verdict)
    {
        var problems = ExtraSignalRequirement.Problems([Reading("a", Verdict.Healthy), Reading("b", verdict)]);

        var problem = Assert.Single(problems);
        Assert.StartsWith($"extra signal msk-replication-lag b in {Tpe} is not OK (extra:msk-replication-lag:b→{Tpe} ", problem, StringComparison.Ordinal);
    }
}
