using DrLambdas.DrLab.Dns;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.Dns;

/// <summary>
/// Route 53 Developer Guide, "Weighted routing" → "Health checks and weighted routing": the two tables for a group of
/// weights 1, 1, 0 (the weight-0 record with and without a health check), every row; and the rules of "How Amazon
/// Route 53 chooses records when health checking is configured".
/// </summary>
public class WeightedRoutingTests
{
    /// <summary>Health of a record in a table row: H healthy, U unhealthy, "-" no health check ("N/A" in the guide).</summary>
    public static TheoryData<string, string, string> ZeroWeightWithHealthCheck => new()
    {
        // record 1, 2, 3 (weights 1, 1, 0) → DNS query answered? (Y/N per record)
        { "U U H", "N N Y", "only the healthy weight-0 record" },
        { "U U U", "Y Y N", "all unhealthy: as if all healthy, so the non-zero records" },
        { "U H U", "N Y N", "the healthy non-zero record" },
        { "H H U", "Y Y N", "the healthy non-zero records" },
        { "H H H", "Y Y N", "weight 0 not considered while a non-zero record is healthy" },
    };

    public static TheoryData<string, string, string> ZeroWeightWithoutHealthCheck => new()
    {
        { "H H -", "Y Y N", "the healthy non-zero records" },
        { "U U -", "N N Y", "the weight-0 record without a health check is healthy, so it answers" },
        { "U H -", "N Y N", "the healthy non-zero record" },
    };

    [Theory]
    [MemberData(nameof(ZeroWeightWithHealthCheck))]
    public void Answer_ZeroWeightRecordWithHealthCheck_AnswersAsTheGuideTable(string health, string answered, string because) =>
        AssertRow(health, answered, because);

    [Theory]
    [MemberData(nameof(ZeroWeightWithoutHealthCheck))]
    public void Answer_ZeroWeightRecordWithoutHealthCheck_AnswersAsTheGuideTable(string health, string answered, string because) =>
        AssertRow(health, answered, because);

    [Fact]
    public void Answer_RecordsWithoutHealthCheck_AreAlwaysHealthy()
    {
        var group = new[] { Record("a", 70, null), Record("b", 30, null) };

        var answer = WeightedRouting.Answer(group, _ => false);

        Assert.Equal(WeightedRule.HealthyByWeight, answer.Rule);
        Assert.All(answer.Candidates, c => Assert.True(c.Healthy));
        Assert.Equal([0.7, 0.3], answer.Candidates.Select(c => Math.Round(c.Probability, 12)));
    }

    [Fact]
    public void Answer_HealthyNonZeroRecords_ShareTrafficByWeightOverTheSumOfTheirWeights()
    {
        var group = new[] { Record("a", 1, "hc-a"), Record("b", 255, "hc-b"), Record("c", 100, "hc-c") };

        var answer = WeightedRouting.Answer(group, id => id != "hc-c");

        Assert.Equal([1 / 256.0, 255 / 256.0, 0], answer.Candidates.Select(c => c.Probability));
    }

    [Fact]
    public void Answer_EveryRecordUnhealthy_ChoosesByWeightAsIfAllWereHealthy()
    {
        var group = new[] { Record("a", 70, "hc-a"), Record("b", 30, "hc-b") };

        var answer = WeightedRouting.Answer(group, _ => false);

        Assert.Equal(WeightedRule.AllUnhealthyAsHealthy, answer.Rule);
        Assert.All(answer.Candidates, c => Assert.False(c.Healthy));
        Assert.Equal([0.7, 0.3], answer.Candidates.Select(c => Math.Round(c.Probability, 12)));
    }

    [Fact]
    public void Answer_EveryWeightZero_AnswersWithEqualProbability()
    {
        var group = new[] { Record("a", 0, null), Record("b", 0, null), Record("c", 0, null), Record("d", 0, null) };

        var answer = WeightedRouting.Answer(group, _ => true);

        Assert.All(answer.Candidates, c => Assert.Equal(0.25, c.Probability));
    }

    [Fact]
    public void Answer_EveryWeightZeroAndEveryRecordUnhealthy_AnswersWithEqualProbability()
    {
        var group = new[] { Record("a", 0, "hc-a"), Record("b", 0, "hc-b") };

        var answer = WeightedRouting.Answer(group, _ => false);

        Assert.Equal(WeightedRule.AllUnhealthyAsHealthy, answer.Rule);
        Assert.All(answer.Candidates, c => Assert.Equal(0.5, c.Probability));
    }

    [Fact]
    public void Answer_EveryWeightZeroOneUnhealthy_AnswersWithTheHealthyOnesEqually()
    {
        var group = new[] { Record("a", 0, "hc-a"), Record("b", 0, "hc-b"), Record("c", 0, null) };

        var answer = WeightedRouting.Answer(group, id => id != "hc-a");

        Assert.Equal([0, 0.5, 0.5], answer.Candidates.Select(c => c.Probability));
    }

    [Fact]
    public void Choose_DrawAcrossTheUnitInterval_SelectsRecordsInProportionToTheirProbability()
    {
        var answer = WeightedRouting.Answer([Record("a", 70, null), Record("b", 30, null)], _ => true);

        Assert.Equal("a", answer.Choose(0).SetIdentifier);
        Assert.Equal("a", answer.Choose(0.699).SetIdentifier);
        Assert.Equal("b", answer.Choose(0.7).SetIdentifier);
        Assert.Equal("b", answer.Choose(0.999999).SetIdentifier);
    }

    [Fact]
    public void Choose_NeverSelectsAnExcludedRecord()
    {
        var answer = WeightedRouting.Answer([Record("a", 70, "hc-a"), Record("b", 30, "hc-b"), Record("c", 0, "hc-c")], id => id != "hc-a");

        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal("b", answer.Choose(i / 100.0).SetIdentifier));
    }

    private static void AssertRow(string health, string answered, string because)
    {
        long[] weights = [1, 1, 0];
        var states = health.Split(' ');
        var group = states.Select((s, i) => Record($"r{i + 1}", weights[i], s == "-" ? null : $"hc-{i + 1}")).ToArray();
        var healthyIds = states.Select((s, i) => (s, id: $"hc-{i + 1}")).Where(p => p.s == "H").Select(p => p.id).ToHashSet();

        var answer = WeightedRouting.Answer(group, healthyIds.Contains);

        var expected = answered.Split(' ').Select(a => a == "Y").ToArray();
        Assert.True(
            expected.SequenceEqual(answer.Candidates.Select(c => c.Probability > 0)),
            $"{because}: expected answered {answered}, got {string.Join(' ', answer.Candidates.Select(c => c.Probability))}");
        var share = 1.0 / expected.Count(a => a);
        Assert.All(answer.Candidates.Where(c => c.Probability > 0), c => Assert.Equal(share, c.Probability, 12));
    }

    private static ResourceRecordSet Record(string id, long weight, string? healthCheckId) =>
        new("api.example.com.", "A", id, weight, 60, ["192.0.2." + (id.GetHashCode(StringComparison.Ordinal) & 0x7f)], null, healthCheckId, null, null);
}
