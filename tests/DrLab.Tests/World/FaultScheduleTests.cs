using DrLambdas.DrLab.Time;
using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World;

public class FaultScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_AtOffsetInFastProfile_StartsAtTheScaledInstant()
    {
        var schedule = new FaultSchedule(TimeProfile.Fast);

        var fault = schedule.Add([new FaultSpec(FaultKind.AppOutage, 30, 60, LabFixture.Primary)], Start).Single();

        Assert.Equal(Start.AddSeconds(1), fault.StartsAt);
        Assert.Equal(Start.AddSeconds(3), fault.EndsAt);
        Assert.False(schedule.ConditionsAt(Start.AddSeconds(0.9)).AppsDown.Contains(LabFixture.Primary));
        Assert.True(schedule.ConditionsAt(Start.AddSeconds(1)).AppsDown.Contains(LabFixture.Primary));
        Assert.False(schedule.ConditionsAt(Start.AddSeconds(3)).AppsDown.Contains(LabFixture.Primary));
    }

    [Fact]
    public void ConditionsAt_Route53ApiUnreachable_OnlyWithinItsWindow()
    {
        var schedule = new FaultSchedule(TimeProfile.Realistic);
        schedule.Add([new FaultSpec(FaultKind.Route53ApiUnreachable, 10, 60)], Start);

        Assert.False(schedule.ConditionsAt(Start.AddSeconds(5)).Route53ApiUnreachable);
        Assert.True(schedule.ConditionsAt(Start.AddSeconds(10)).Route53ApiUnreachable);
        Assert.False(schedule.ConditionsAt(Start.AddSeconds(70)).Route53ApiUnreachable);
        Assert.Empty(schedule.ConditionsAt(Start.AddSeconds(10)).RegionsDown);
    }

    [Fact]
    public void ClearAll_ActiveAndScheduledFaults_EndsThemNowAndKeepsHistory()
    {
        var schedule = new FaultSchedule(TimeProfile.Realistic);
        schedule.Add([new FaultSpec(FaultKind.Partition, 0, null), new FaultSpec(FaultKind.AppOutage, 100, null, LabFixture.Primary)], Start);

        var cleared = schedule.ClearAll(Start.AddSeconds(10));

        Assert.Equal(2, cleared);
        Assert.Equal(2, schedule.All.Count);
        Assert.True(schedule.ConditionsAt(Start.AddSeconds(5)).Partitioned);
        Assert.False(schedule.ConditionsAt(Start.AddSeconds(10)).Partitioned);
        Assert.False(schedule.ConditionsAt(Start.AddSeconds(150)).AppsDown.Contains(LabFixture.Primary));
    }

    [Fact]
    public void Flapping_AlternatesDownThenUp()
    {
        var schedule = new FaultSchedule(TimeProfile.Realistic);
        schedule.Add([new FaultSpec(FaultKind.FlappingHealth, 0, null, LabFixture.Primary, DownSeconds: 20, UpSeconds: 10)], Start);

        bool DownAt(double seconds) => schedule.ConditionsAt(Start.AddSeconds(seconds)).AppsDown.Contains(LabFixture.Primary);

        Assert.Equal([true, true, false, true, false], new[] { 0.0, 19, 25, 30, 55 }.Select(DownAt));
        Assert.Equal(Start.AddSeconds(20), schedule.NextTransitionAfter(Start.AddSeconds(5)));
        Assert.Equal(Start.AddSeconds(30), schedule.NextTransitionAfter(Start.AddSeconds(20)));
    }

    [Fact]
    public void FailingRequestFault_ThirtyPercentRate_FailsAboutThirtyPercentOfMatchingCallsAtRandom()
    {
        var failures = Failures(seed: 1, calls: 10_000);

        Assert.InRange(failures.Count(f => f), 2_800, 3_200);
        Assert.Contains(Enumerable.Range(0, failures.Count - 1), i => failures[i] && failures[i + 1]);
    }

    [Fact]
    public void FailingRequestFault_SameSeed_FailsTheSameCalls()
    {
        Assert.Equal(Failures(seed: 7, calls: 200), Failures(seed: 7, calls: 200));
        Assert.NotEqual(Failures(seed: 7, calls: 200), Failures(seed: 8, calls: 200));
    }

    [Fact]
    public void FailingRequestFault_OtherService_NeverFails()
    {
        var schedule = new FaultSchedule(TimeProfile.Realistic);
        schedule.Add([new FaultSpec(FaultKind.Throttling, 0, null, Rate: 1, Service: "rds")], Start);

        Assert.Null(schedule.FailingRequestFault("route53", "us-east-1", "GetChange", Start));
    }

    private static List<bool> Failures(int seed, int calls)
    {
        var schedule = new FaultSchedule(TimeProfile.Realistic, seed);
        schedule.Add([new FaultSpec(FaultKind.Throttling, 0, null, Rate: 0.3, Service: "rds")], Start);
        return Enumerable.Range(0, calls)
            .Select(_ => schedule.FailingRequestFault("rds", LabFixture.Secondary, "DescribeGlobalClusters", Start) is not null)
            .ToList();
    }
}
