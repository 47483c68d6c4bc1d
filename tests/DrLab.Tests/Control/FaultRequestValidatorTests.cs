using DrLambdas.DrLab.Control;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Control;

public class FaultRequestValidatorTests
{
    private static readonly WorldDefinition Definition = new(LabFixture.Primary, LabFixture.Secondary, "tpe", "nrt");

    private static FaultRequestDocument Fault(string? kind, string? region = null, double? rate = null, double? factor = null) =>
        new(kind, region, null, null, rate, null, null, factor, null, null, null);

    [Fact]
    public void Validate_RegionOutageOfLabRegion_ProducesSpec()
    {
        var (specs, problems) = FaultRequestValidator.Validate([Fault("regionoutage", LabFixture.Primary)], Definition);

        Assert.Empty(problems);
        Assert.Equal(FaultKind.RegionOutage, Assert.Single(specs).Kind);
    }

    [Fact]
    public void Validate_Route53ApiUnreachable_ProducesSpec()
    {
        var (specs, problems) = FaultRequestValidator.Validate([Fault("Route53ApiUnreachable")], Definition);

        Assert.Empty(problems);
        Assert.Equal(FaultKind.Route53ApiUnreachable, Assert.Single(specs).Kind);
    }

    [Fact]
    public void Validate_Route53ApiUnreachableWithRegion_Rejected()
    {
        var (specs, problems) = FaultRequestValidator.Validate([Fault("Route53ApiUnreachable", LabFixture.Primary)], Definition);

        Assert.Contains(problems, p => p.Contains("region does not apply to Route53ApiUnreachable", StringComparison.Ordinal));
        Assert.Empty(specs);
    }

    [Fact]
    public void Validate_SeveralMistakes_ReportsEveryProblemAndNoSpec()
    {
        var (specs, problems) = FaultRequestValidator.Validate(
            [Fault("RegionOutage", "eu-west-9", rate: 0.5), Fault("SlowPromotion", factor: 0.5), Fault("Meteor")], Definition);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("needs region", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("rate does not apply", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("factor > 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Meteor'", StringComparison.Ordinal));
        Assert.Empty(specs);
    }

    [Fact]
    public void Validate_ThrottlingRateAboveOne_Rejected()
    {
        var (_, problems) = FaultRequestValidator.Validate([Fault("Throttling", rate: 1.5)], Definition);

        Assert.Single(problems);
    }

    [Fact]
    public void Validate_WitnessUnreachableWithoutWitness_RefusedSayingHowToGetOne()
    {
        var (specs, problems) = FaultRequestValidator.Validate([Fault("WitnessUnreachable")], Definition);

        Assert.Empty(specs);
        Assert.Contains("--witness-region", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WitnessUnreachableWithWitness_ProducesSpec()
    {
        var withWitness = new WorldDefinition(LabFixture.Primary, LabFixture.Secondary, "tpe", "nrt", LabFixture.Witness);

        var (specs, problems) = FaultRequestValidator.Validate([Fault("WitnessUnreachable")], withWitness);

        Assert.Empty(problems);
        Assert.Equal(FaultKind.WitnessUnreachable, Assert.Single(specs).Kind);
    }

    [Fact]
    public void Validate_WitnessUnreachableWithRegion_RegionRefused()
    {
        var withWitness = new WorldDefinition(LabFixture.Primary, LabFixture.Secondary, "tpe", "nrt", LabFixture.Witness);

        var (_, problems) = FaultRequestValidator.Validate([Fault("WitnessUnreachable", LabFixture.Primary)], withWitness);

        Assert.Contains(problems, p => p.Contains("region does not apply", StringComparison.Ordinal));
    }
}
