using DrLambdas.Shared.Failback;
using DrLambdas.Shared.Tests.Support;

namespace DrLambdas.Shared.Tests.Failback;

public class FailbackReadinessTests
{
    private static readonly DateTimeOffset T0 = Scenario.T0;

    private static HealthCheckRecord Check(double minutes, bool healthy = true) => new(T0.AddMinutes(minutes), healthy, healthy ? "UP" : "DOWN");

    private static FailbackReadinessResult Evaluate(params HealthCheckRecord[] history) =>
        FailbackReadiness.Evaluate(history, TestEnvironment.Default.Failback);

    [Fact]
    public void Evaluate_ThreeHealthyFiveMinutesApart_Ready()
    {
        var result = Evaluate(Check(0), Check(5), Check(10));

        Assert.Equal(new FailbackReadinessResult(true, 3, 3, T0), result);
    }

    [Fact]
    public void Evaluate_TwoHealthy_NotReady()
    {
        var result = Evaluate(Check(0), Check(5));

        Assert.Equal(new FailbackReadinessResult(false, 2, 3, T0), result);
    }

    [Fact]
    public void Evaluate_FailureInTheMiddle_ResetsStreak()
    {
        var result = Evaluate(Check(0), Check(5), Check(10, healthy: false), Check(15), Check(20));

        Assert.False(result.Ready);
        Assert.Equal(2, result.HealthyStreak);
        Assert.Equal(T0.AddMinutes(15), result.StreakStartedAt);
    }

    [Fact]
    public void Evaluate_LatestCheckFailed_StreakZero()
    {
        var result = Evaluate(Check(0), Check(5), Check(10), Check(15, healthy: false));

        Assert.Equal(new FailbackReadinessResult(false, 0, 3, null), result);
    }

    [Fact]
    public void Evaluate_ChecksTooCloseTogether_CountOnce()
    {
        var result = Evaluate(Check(0), Check(1), Check(2), Check(3));

        Assert.Equal(1, result.HealthyStreak);
    }

    [Fact]
    public void Evaluate_CheckArrivesSlightlyEarly_StillCounts()
    {
        var result = Evaluate(Check(0), Check(4.6), Check(9.2));

        Assert.True(result.Ready);
    }

    [Fact]
    public void Evaluate_UnorderedHistory_SortedByTime()
    {
        var result = Evaluate(Check(10), Check(0), Check(5));

        Assert.True(result.Ready);
    }

    [Fact]
    public void Evaluate_EmptyHistory_NotReady()
    {
        Assert.Equal(new FailbackReadinessResult(false, 0, 3, null), Evaluate());
    }
}
