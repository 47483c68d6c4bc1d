using DrLambdas.DrLab.World;

namespace DrLambdas.DrLab.Tests.World;

public class AlarmTests
{
    [Fact]
    public void Alarms_NothingDeployed_NoAlarmExistsInAnyRegion()
    {
        var lab = new LabFixture();
        lab.Advance(600);

        Assert.Empty(lab.Run(s => s.Alarms.All));
    }

    [Fact]
    public void PutMetricAlarm_NewAlarm_StartsInsufficientDataUntilFirstEvaluation()
    {
        var lab = new LabFixture();
        var name = lab.PutHealthCheckAlarm(LabFixture.Primary);

        Assert.Equal(MetricAlarm.InsufficientData, lab.Alarm(name).Value);
        Assert.Equal("Unchecked: Initial alarm creation", lab.Alarm(name).Reason);
    }

    [Fact]
    public void HealthCheckAlarm_InUsEast1_PrimaryOutage_AlarmsOneEvaluationAfterTheIngestionDelay()
    {
        var lab = new LabFixture();
        var name = lab.PutHealthCheckAlarm(LabFixture.Primary);
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));

        lab.Advance(124);
        Assert.Equal(MetricAlarm.Ok, lab.Alarm(name).Value);
        lab.Advance(1);

        Assert.Equal(MetricAlarm.Alarm, lab.Alarm(name).Value);
        Assert.StartsWith("Threshold Crossed: 1 datapoint [0.0 (01/03/26 00:01:00)] was less than the threshold (1.0).",
            lab.Alarm(name).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HealthCheckAlarm_InTheRecoveryRegion_HasNoMetricThereAndBreachesOnMissingData()
    {
        var lab = new LabFixture();
        var name = lab.PutHealthCheckAlarm(LabFixture.Primary, alarmRegion: LabFixture.Secondary);

        lab.Advance(70);

        Assert.Equal(MetricAlarm.Alarm, lab.Alarm(name, LabFixture.Secondary).Value);
        Assert.Contains("no datapoints were received", lab.Alarm(name, LabFixture.Secondary).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HealthCheckAlarm_AfterRecovery_ReturnsToOk()
    {
        var lab = new LabFixture();
        var name = lab.PutHealthCheckAlarm(LabFixture.Primary);
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, 200, LabFixture.Primary));
        lab.Advance(200);
        Assert.Equal(MetricAlarm.Alarm, lab.Alarm(name).Value);

        lab.Advance(240);

        Assert.Equal(MetricAlarm.Ok, lab.Alarm(name).Value);
    }

    [Fact]
    public void Reset_DeployedAlarm_SurvivesAndStartsAgainFromInsufficientData()
    {
        var lab = new LabFixture();
        var name = lab.PutHealthCheckAlarm(LabFixture.Primary);
        lab.Advance(70);
        Assert.Equal(MetricAlarm.Ok, lab.Alarm(name).Value);

        lab.World.Reset();

        Assert.Equal(MetricAlarm.InsufficientData, lab.Alarm(name).Value);
        Assert.Empty(lab.Run(s => s.Alarms.Transitions));
    }

    [Fact]
    public void PutMetricAlarm_ExistingAlarm_KeepsItsStateAndTakesTheNewDefinition()
    {
        var lab = new LabFixture();
        var name = lab.PutHealthCheckAlarm(LabFixture.Primary);
        lab.Advance(70);

        lab.Query(new DrLambdas.DrLab.Services.CloudWatchService(), LabFixture.UsEast1, "PutMetricAlarm",
            ("AlarmName", name), ("Namespace", "AWS/Route53"), ("MetricName", "HealthCheckStatus"),
            ("Dimensions.member.1.Name", "HealthCheckId"), ("Dimensions.member.1.Value", lab.Definition.HealthCheckIds[LabFixture.Primary]),
            ("Statistic", "Minimum"), ("Period", "60"), ("EvaluationPeriods", "3"), ("Threshold", "1"),
            ("ComparisonOperator", "LessThanThreshold"));

        Assert.Equal(MetricAlarm.Ok, lab.Alarm(name).Value);
        Assert.Equal(3, lab.Alarm(name).Definition.EvaluationPeriods);
        Assert.Single(lab.Run(s => s.Alarms.All));
    }

    [Fact]
    public void Alarm_MissingDataTreatedAsMissing_GoesToInsufficientData()
    {
        var lab = new LabFixture();
        lab.Query(new DrLambdas.DrLab.Services.CloudWatchService(), LabFixture.Secondary, "PutMetricAlarm",
            ("AlarmName", "failed-executions"), ("Namespace", "AWS/States"), ("MetricName", "ExecutionsFailed"),
            ("Statistic", "Sum"), ("Period", "60"), ("EvaluationPeriods", "1"), ("Threshold", "1"),
            ("ComparisonOperator", "GreaterThanOrEqualToThreshold"), ("TreatMissingData", "notBreaching"));
        lab.Query(new DrLambdas.DrLab.Services.CloudWatchService(), LabFixture.Secondary, "PutMetricAlarm",
            ("AlarmName", "failed-executions-missing"), ("Namespace", "AWS/States"), ("MetricName", "ExecutionsFailed"),
            ("Statistic", "Sum"), ("Period", "60"), ("EvaluationPeriods", "1"), ("Threshold", "1"),
            ("ComparisonOperator", "GreaterThanOrEqualToThreshold"));

        lab.Advance(70);

        Assert.Equal(MetricAlarm.Ok, lab.Alarm("failed-executions", LabFixture.Secondary).Value);
        Assert.Equal(MetricAlarm.InsufficientData, lab.Alarm("failed-executions-missing", LabFixture.Secondary).Value);
    }

    [Fact]
    public void Alarm_TwoOfThreeDatapoints_AlarmsOnlyOnceTwoPeriodsBreached()
    {
        var lab = new LabFixture();
        lab.Query(new DrLambdas.DrLab.Services.CloudWatchService(), LabFixture.UsEast1, "PutMetricAlarm",
            ("AlarmName", "two-of-three"), ("Namespace", "AWS/Route53"), ("MetricName", "HealthCheckStatus"),
            ("Dimensions.member.1.Name", "HealthCheckId"), ("Dimensions.member.1.Value", lab.Definition.HealthCheckIds[LabFixture.Primary]),
            ("Statistic", "Minimum"), ("Period", "60"), ("EvaluationPeriods", "3"), ("DatapointsToAlarm", "2"), ("Threshold", "1"),
            ("ComparisonOperator", "LessThanThreshold"), ("TreatMissingData", "notBreaching"));
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));

        lab.Advance(125);
        Assert.Equal(MetricAlarm.Ok, lab.Alarm("two-of-three").Value);
        lab.Advance(60);

        Assert.Equal(MetricAlarm.Alarm, lab.Alarm("two-of-three").Value);
    }

    [Fact]
    public void Transitions_EveryStateChange_RecordedWithThePreviousState()
    {
        var lab = new LabFixture();
        var name = lab.PutHealthCheckAlarm(LabFixture.Primary);
        lab.Inject(new FaultSpec(FaultKind.RegionOutage, 0, null, LabFixture.Primary));

        lab.Advance(125);

        var changes = lab.Run(s => s.Alarms.Transitions.Select(t => (t.Name, t.Region, t.PreviousState, t.State)).ToList());
        Assert.Equal(
            [(name, LabFixture.UsEast1, MetricAlarm.InsufficientData, MetricAlarm.Ok), (name, LabFixture.UsEast1, MetricAlarm.Ok, MetricAlarm.Alarm)],
            changes);
    }
}
