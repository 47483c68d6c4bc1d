using CsCheck;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Triggers;
using static DrLambdas.Shared.Tests.Support.DecisionGenerators;

namespace DrLambdas.Shared.Tests.Decisions;

public class DecisionPropertyTests
{
    private const int Cases = 10_000;

    // Guards the generators: the safety properties mean little unless they often reach the path a property is about.
    // Each bound sits at a quarter or less of what the generators reach (about 540 promotions, 225 unforced failovers
    // and 150 counter-voted switchovers per 10 000 cases, over repeated runs), so random sampling does not trip it while
    // a generator that stops reaching the path does. (A bound at 200 failovers failed about one run in five.)
    private const int MinimumPromotions = Cases / 50;
    private const int MinimumFailovers = Cases / 200;
    private const int MinimumCounterVotedSwitchovers = Cases / 400;

    [Fact]
    public void Decide_AnyInput_NeverMovesWriterIntoUnhealthyTarget()
    {
        var promotions = 0;
        Input.Sample(
            input =>
            {
                var decision = DecisionEngine.Decide(input);
                if (!decision.MovesWriter)
                {
                    return;
                }

                Interlocked.Increment(ref promotions);

                var target = decision.TargetRegion!;
                var aboutTarget = input.Signals.Where(signal => signal.Region == target).ToList();
                Assert.DoesNotContain(aboutTarget, signal => signal.Verdict == Verdict.Unhealthy);
                Assert.Contains(aboutTarget, signal => signal.Kind == SignalKind.Probe && signal.Verdict == Verdict.Healthy);
                Assert.True(input.GlobalCluster.MemberIn(target)?.IsAvailable, $"target cluster in {target} is not available");
            },
            iter: Cases);

        Assert.True(promotions >= MinimumPromotions, $"only {promotions} of {Cases} generated cases promoted a cluster");
    }

    [Fact]
    public void Decide_AnyInput_NeverFailsOverBeyondBudgetWithoutForce()
    {
        var failovers = 0;
        Input.Sample(
            input =>
            {
                var decision = DecisionEngine.Decide(input);
                if (decision.Action != DecisionAction.Failover || input.Trigger.Force)
                {
                    return;
                }

                Interlocked.Increment(ref failovers);

                Assert.NotNull(input.Replication.RpoLag);
                Assert.True(input.Replication.RpoLag <= input.Configuration.Policy.DataLossBudget, $"lag {input.Replication.RpoLag} beyond budget");
                Assert.False(decision.Forced);
            },
            iter: Cases);

        Assert.True(failovers >= MinimumFailovers, $"only {failovers} of {Cases} generated cases failed over without force");
    }

    [Fact]
    public void Decide_PartitionShapedEvidence_NeverSwitchesOverOrFailsOver()
    {
        PartitionInput.Sample(
            input => Assert.False(DecisionEngine.Decide(input).MovesWriter),
            iter: Cases);
    }

    [Fact]
    public void Decide_AlarmInsideCooldown_NeverMovesWriter()
    {
        CooldownInput.Sample(
            input => Assert.False(DecisionEngine.Decide(input).MovesWriter),
            iter: Cases);
    }

    [Fact]
    public void Decide_AnyInput_TotalAndDeterministic()
    {
        Input.Sample(
            input =>
            {
                var first = DecisionEngine.Decide(input);
                var second = DecisionEngine.Decide(input with { Signals = input.Signals.ToList(), RecentExecutions = input.RecentExecutions?.ToList() });

                Assert.Equal(Canonical(first), Canonical(second));
                Assert.NotEmpty(first.Reasons);
            },
            iter: Cases);
    }

    [Fact]
    public void Decide_ShuffledSignals_SameDecision()
    {
        Gen.Select(Input, Gen.Int).Sample(
            (input, seed) =>
            {
                var shuffled = input.Signals.ToArray();
                new Random(seed).Shuffle(shuffled);

                Assert.Equal(Canonical(DecisionEngine.Decide(input)), Canonical(DecisionEngine.Decide(input with { Signals = shuffled })));
            },
            iter: Cases);
    }

    [Fact]
    public void Decide_HealthyRecoveryRegionProbeOfTheRegionLeft_NeverFailsOverWithDataLoss()
    {
        var switchovers = 0;
        CounterVoteInput.Sample(
            input =>
            {
                var decision = DecisionEngine.Decide(input);
                Assert.NotEqual(DecisionAction.Failover, decision.Action);
                if (decision.Action == DecisionAction.Switchover)
                {
                    Interlocked.Increment(ref switchovers);
                }
            },
            iter: Cases);

        // A switchover (RPO 0) stays possible under the counter-vote.
        Assert.True(switchovers >= MinimumCounterVotedSwitchovers, $"only {switchovers} of {Cases} counter-voted cases switched over");
    }

    [Fact]
    public void Decide_AnyFailover_NoRecoveryRegionProbeSawTheRegionLeftUp()
    {
        Input.Sample(
            input =>
            {
                var decision = DecisionEngine.Decide(input);
                if (decision.Action != DecisionAction.Failover)
                {
                    return;
                }

                Assert.DoesNotContain(input.Signals, signal => signal.Kind == SignalKind.Probe && signal.Verdict == Verdict.Healthy
                    && signal.Region == decision.FailedRegion && signal.Observer == input.Configuration.Topology.RecoveryRegion);
            },
            iter: Cases);
    }

    [Fact]
    public void Decide_Route53AlarmEchoingTheCheckers_SameActionAndReasonCodes()
    {
        Input.Sample(
            input =>
            {
                var plain = DecisionEngine.Decide(input);
                var echoed = DecisionEngine.Decide(WithRoute53AlarmEcho(input));

                Assert.Equal(plain.Action, echoed.Action);
                Assert.Equal(plain.Reasons.Select(reason => reason.Code), echoed.Reasons.Select(reason => reason.Code));
            },
            iter: Cases);
    }

    [Fact]
    public void Decide_UnreadableExecutions_NeverMovesWriter()
    {
        Input.Sample(
            input => Assert.False(DecisionEngine.Decide(input with { RecentExecutions = null }).MovesWriter),
            iter: Cases);
    }

    [Fact]
    public void Decide_AnyFailoverWithoutForce_LagFreshAndTargetReplicating()
    {
        Input.Sample(
            input =>
            {
                var decision = DecisionEngine.Decide(input);
                if (decision.Action != DecisionAction.Failover || input.Trigger.Force)
                {
                    return;
                }

                Assert.True(input.Now - input.Replication.MeasuredAt <= input.Configuration.Policy.RpoLagMaxAge, "failed over on a stale lag");
                Assert.NotEqual(SynchronisationStatus.PendingResync, input.GlobalCluster.MemberIn(decision.TargetRegion!)?.Synchronisation);
            },
            iter: Cases);
    }

    [Fact]
    public void Decide_AnyInput_ForcedOnlyWhenOperatorForced()
    {
        Input.Sample(
            input => Assert.True(!DecisionEngine.Decide(input).Forced || input.Trigger is { Kind: TriggerKind.Manual, Force: true }),
            iter: Cases);
    }
}
