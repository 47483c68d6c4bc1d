using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Triggers;
using static DrLambdas.Shared.Tests.Support.Scenario;
using static DrLambdas.Shared.Tests.Support.TestEnvironment;

namespace DrLambdas.Shared.Tests.Decisions;

public class DecisionFieldTests
{
    [Fact]
    public void Decide_FailoverWithinBudget_PromotesTargetWithDataLoss()
    {
        var decision = PrimaryOutage().Decide();

        Assert.Equal(
            (DecisionAction.Failover, Tpe, Nrt, NrtArn, "app-global", true, 0.8, false, false, false),
            (decision.Action, decision.FailedRegion, decision.TargetRegion, decision.TargetClusterArn, decision.GlobalClusterId,
                decision.AllowDataLoss, decision.EstimatedDataLossSeconds, decision.Forced, decision.DryRun, decision.IsFailback));
    }

    [Fact]
    public void Decide_Switchover_NoDataLoss()
    {
        var decision = DecisionRuleCases.AppDownDatabaseUp().Decide();

        Assert.Equal((DecisionAction.Switchover, false, 0.0, NrtArn), (decision.Action, decision.AllowDataLoss, decision.EstimatedDataLossSeconds, decision.TargetClusterArn));
    }

    [Fact]
    public void Decide_ForcedFailoverWithUnmeasuredLag_EstimateUnknownAndForced()
    {
        var decision = (PrimaryOutage() with { Trigger = Manual(TriggerMode.Failover, Nrt, force: true), Replication = ReplicationStatus.Unknown }).Decide();

        Assert.Equal((DecisionAction.Failover, true, (double?)null, true), (decision.Action, decision.AllowDataLoss, decision.EstimatedDataLossSeconds, decision.Forced));
    }

    [Fact]
    public void Decide_DrainSecondary_TouchesNoCluster()
    {
        var decision = SecondaryOutage().Decide();

        Assert.Equal((DecisionAction.DrainSecondary, Nrt, Tpe, (string?)null, false, (double?)null),
            (decision.Action, decision.FailedRegion, decision.TargetRegion, decision.TargetClusterArn, decision.AllowDataLoss, decision.EstimatedDataLossSeconds));
    }

    [Fact]
    public void Decide_Escalate_NamesRegionsButNoCluster()
    {
        var decision = (PrimaryOutage() with { Replication = ReplicationStatus.Unknown }).Decide();

        Assert.Equal((DecisionAction.Escalate, Tpe, Nrt, (string?)null, false), (decision.Action, decision.FailedRegion, decision.TargetRegion, decision.TargetClusterArn, decision.AllowDataLoss));
    }

    [Fact]
    public void Decide_Failback_FlaggedAndTargetsPrimaryCluster()
    {
        var decision = (AfterFailover() with { Trigger = Manual(TriggerMode.Failback) }).Decide();

        Assert.Equal((DecisionAction.Switchover, true, Nrt, Tpe, TpeArn), (decision.Action, decision.IsFailback, decision.FailedRegion, decision.TargetRegion, decision.TargetClusterArn));
    }

    [Fact]
    public void Decide_DryRun_FlaggedDryRun()
    {
        var decision = (PrimaryOutage() with { Trigger = Manual(TriggerMode.DryRun) }).Decide();

        Assert.True(decision.DryRun);
    }

    [Fact]
    public void Decide_UnmanagedAlarm_NamesNoRegion()
    {
        var decision = (PrimaryOutage() with { Trigger = Trigger.FromAlarm("disk-full", AlarmState.Alarm, null, null, Nrt, T0) }).Decide();

        Assert.Equal((DecisionAction.None, (string?)null, (string?)null), (decision.Action, decision.FailedRegion, decision.TargetRegion));
    }

    [Fact]
    public void Decide_ManualSwitchoverWithoutWriter_TargetsSecondary()
    {
        var decision = (Calm() with { Trigger = Manual(TriggerMode.Switchover), GlobalCluster = Cluster(writer: null) }).Decide();

        Assert.Equal((DecisionAction.Escalate, Nrt), (decision.Action, decision.TargetRegion));
    }

    [Fact]
    public void Decide_NullInput_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DecisionEngine.Decide(null!));
    }

    [Fact]
    public void Decision_MovesTraffic_OnlyForTrafficActions()
    {
        var moving = Enum.GetValues<DecisionAction>()
            .Where(action => (PrimaryOutage().Decide() with { Action = action }).MovesTraffic);

        Assert.Equal([DecisionAction.DrainSecondary, DecisionAction.Switchover, DecisionAction.Failover], moving);
    }
}
