using DrLambdas.Aws.CloudWatch;
using DrLambdas.Aws.Sns;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.HealthValidator.Operations;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Configuration;
using DrLambdas.Shared.Contracts;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Operations;

public sealed class ReadinessOperationTests : IDisposable
{
    private readonly ReadinessWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Readiness_WorldMatchesTheConfiguration_ReportsNoFindings()
    {
        var result = await _world.ReadinessAsync();

        Assert.Empty(result.Findings);
        Assert.True(result.Ready);
    }

    [Fact]
    public async Task Readiness_Output_WritesTheSeverityAsItsName()
    {
        _world.World.RpoLagMs = 7000;

        var output = await _world.World.InvokeRawAsync(ValidatorWorld.Json("""{"operation":"readiness"}"""));

        var finding = output.GetProperty("findings")[0];
        Assert.Equal("Critical", finding.GetProperty("severity").GetString());
        Assert.Equal("ReplicationLagOverBudget", finding.GetProperty("code").GetString());
        Assert.False(finding.TryGetProperty("key", out _));
    }

    [Fact]
    public async Task Readiness_HealthCheckDeleted_ReportsHealthCheckMissingWithItsFix()
    {
        _world.World.Route53.Setup(client => client.GetHealthCheckStatusAsync(TpeHealthCheckId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.ServiceError("Route 53", "GetHealthCheckStatus", "NoSuchHealthCheck"));

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.HealthCheckMissing, finding.Code);
        Assert.Equal(ReadinessSeverity.Critical, finding.Severity);
        Assert.Equal(Tpe, finding.Subject);
        Assert.Contains("NoSuchHealthCheck", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("Recreate the health check", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_RecordWithoutItsHealthCheck_ReportsHealthCheckNotAssociated()
    {
        _world.Records["nrt"] = (30, null);

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.HealthCheckNotAssociated, finding.Code);
        Assert.Equal(Nrt, finding.Subject);
        Assert.Contains($"configured {NrtHealthCheckId}", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("associate", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_RegionUnhealthyForRoute53_ReportsHealthCheckUnhealthy()
    {
        _world.World.HealthyCheckers[Nrt] = 1;

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.HealthCheckUnhealthy, finding.Code);
        Assert.Contains("1 of 8 checkers healthy", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_SecondaryDetachedFromTheGlobalCluster_ReportsClusterNotMember()
    {
        _world.World.Rds.Setup(client => client.DescribeGlobalClustersAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => [_world.World.GlobalCluster() with { Members = [_world.World.GlobalCluster().Members[0] with { Readers = [] }] }]);

        var result = await _world.ReadinessAsync();

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ReadinessCodes.ClusterNotMember, finding.Code);
        Assert.Equal(Nrt, finding.Subject);
        Assert.Contains(TpeArn, finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("new secondary cluster", finding.Fix, StringComparison.Ordinal);
        Assert.False(result.Ready);
    }

    [Fact]
    public async Task Readiness_ReplicationLagAboveTheBudget_ReportsReplicationLagOverBudget()
    {
        _world.World.RpoLagMs = 7000;

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.ReplicationLagOverBudget, finding.Code);
        Assert.Contains("AuroraGlobalDBRPOLag 7 s", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("budget 5 s", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_StaleReplicationLag_ReportsReplicationLagUnknown()
    {
        _world.World.RpoLagAt = ValidatorWorld.T0.AddMinutes(-4);

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.ReplicationLagUnknown, finding.Code);
        Assert.Equal(ReadinessSeverity.Warning, finding.Severity);
    }

    [Fact]
    public async Task Readiness_HealthCheckAlarmDeleted_IsLookedUpInUsEast1AndReportedMissing()
    {
        _world.World.AlarmStates.Remove(ValidatorWorld.PrimaryHealthCheckAlarm);

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.AlarmMissing, finding.Code);
        Assert.Equal($"alarm {ValidatorWorld.PrimaryHealthCheckAlarm}", finding.Subject);
        Assert.Contains(ValidatorWorld.UsEast1, finding.Evidence, StringComparison.Ordinal);
        _world.World.CloudWatch.Verify(client => client.DescribeAlarmsAsync(
            It.Is<IReadOnlyCollection<string>>(names => names.Contains(ValidatorWorld.PrimaryHealthCheckAlarm)), ValidatorWorld.UsEast1, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Readiness_ExtraSignalAlarmDeleted_IsLookedUpInItsRegionAndReportedMissing()
    {
        using var world = new ReadinessWorld(variables => variables[EnvironmentVariables.PrimaryExtraSignals] = "msk-replication-lag:orders-mm2-lag");

        var finding = Assert.Single((await world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.AlarmMissing, finding.Code);
        Assert.Equal("alarm orders-mm2-lag", finding.Subject);
        Assert.Contains(Tpe, finding.Evidence, StringComparison.Ordinal);
        world.World.CloudWatch.Verify(client => client.DescribeAlarmsAsync(
            It.Is<IReadOnlyCollection<string>>(names => names.Contains("orders-mm2-lag")), Tpe, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Readiness_ExtraSignalAlarmPresentInItsRegion_ReportsNoFindings()
    {
        using var world = new ReadinessWorld(variables => variables[EnvironmentVariables.SecondaryExtraSignals] = "db-connection-pool:orders-db-pool");
        world.World.AlarmStates["orders-db-pool"] = CloudWatchAlarmState.Ok;
        world.World.AlarmRegions["orders-db-pool"] = Nrt;

        Assert.Empty((await world.ReadinessAsync()).Findings);
    }

    [Fact]
    public async Task Readiness_AlarmWithoutData_ReportsAlarmNoData()
    {
        _world.World.AlarmStates[SecondaryAlarm] = CloudWatchAlarmState.InsufficientData;

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.AlarmNoData, finding.Code);
        Assert.Equal($"alarm {SecondaryAlarm}", finding.Subject);
    }

    [Fact]
    public async Task Readiness_FailoverStateMachineDeleted_ReportsStateMachineMissingAsCritical()
    {
        _world.DeletedStateMachines.Add(StateMachineArn);

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings, finding => finding.Code == ReadinessCodes.StateMachineMissing);

        Assert.Equal("failover state machine", finding.Subject);
        Assert.Equal(ReadinessSeverity.Critical, finding.Severity);
        Assert.Contains("StateMachineDoesNotExist", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_OnlyAPendingSubscription_ReportsNoConfirmedSubscription()
    {
        _world.Subscriptions.Clear();
        _world.Subscriptions.Add(new SnsSubscription(SnsSubscription.PendingConfirmation, "email", "oncall@example.com"));

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.NoConfirmedSubscription, finding.Code);
        Assert.Contains("waiting for confirmation: email oncall@example.com", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("confirm", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_PauseOlderThanItsExpiry_ReportsPauseExpired()
    {
        _world.StoredParameters[ReadinessWorld.PauseParameter] =
            """{"pausedBy":"arn:aws:iam::111122223333:user/alice","reason":"maintenance","pausedAt":"2026-11-25T20:00:00Z","expiresAt":"2026-11-25T22:00:00Z"}""";

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.PauseExpired, finding.Code);
        Assert.Contains("expired at 2026-11-25T22:00:00", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("delete the parameter", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_PauseInForce_IsInformationOnly()
    {
        _world.StoredParameters[ReadinessWorld.PauseParameter] =
            """{"pausedBy":"alice","reason":"maintenance","pausedAt":"2026-11-25T23:00:00Z","expiresAt":"2026-11-26T02:00:00Z"}""";

        var result = await _world.ReadinessAsync();

        Assert.Equal(ReadinessCodes.Paused, Assert.Single(result.Findings).Code);
        Assert.True(result.Ready);
    }

    [Fact]
    public async Task Readiness_LastDryRunOlderThanTheAge_ReportsExerciseOverdue()
    {
        _world.World.Executions[0] = _world.World.Executions[0] with { StartDate = ValidatorWorld.T0.AddDays(-36) };

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.ExerciseOverdue, finding.Code);
        Assert.Contains("35 days", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_OnlyAlarmExecutionsSucceeded_ReportsExerciseOverdue()
    {
        _world.ExecutionInputs[ReadinessWorld.DryRunArn] = """{"detail-type":"CloudWatch Alarm State Change","detail":{"alarmName":"tpe-unhealthy"}}""";

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.ExerciseOverdue, finding.Code);
    }

    [Fact]
    public async Task Readiness_WeightsMovedWithoutAnIncident_ReportsWeightsNotNormal()
    {
        _world.Records["tpe"] = (0, TpeHealthCheckId);
        _world.Records["nrt"] = (100, NrtHealthCheckId);

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.WeightsNotNormal, finding.Code);
        Assert.Contains("tpe=0, nrt=100", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_WeightsMovedWhileAnExecutionRuns_ReportsTheIncidentNotTheWeights()
    {
        _world.Records["tpe"] = (0, TpeHealthCheckId);
        _world.Records["nrt"] = (100, NrtHealthCheckId);
        _world.World.Executions.Add(new ExecutionSummary(ValidatorWorld.CurrentExecutionArn, StateMachineArn, "current",
            StepFunctionsExecutionStatus.Running, ValidatorWorld.T0.AddMinutes(-1), null));

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.IncidentOpen, finding.Code);
        Assert.Equal(ReadinessSeverity.Info, finding.Severity);
    }

    [Fact]
    public async Task Readiness_SubscriptionsNotReadable_IsAPermissionFindingNotACrash()
    {
        _world.World.Sns.Setup(client => client.ListSubscriptionsByTopicAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.ServiceError("SNS", "ListSubscriptionsByTopic", "AuthorizationError"));

        var finding = Assert.Single((await _world.ReadinessAsync()).Findings);

        Assert.Equal(ReadinessCodes.PermissionMissing, finding.Code);
        Assert.Contains("sns:ListSubscriptionsByTopic", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_EveryRun_EmitsReadinessFindingsWithTheCount()
    {
        _world.World.RpoLagMs = 7000;

        await _world.ReadinessAsync();

        var record = Assert.Single(_world.World.Context.Metric(ReadinessOperation.FindingsMetric));
        Assert.Equal(1, record.GetProperty(ReadinessOperation.FindingsMetric).GetDouble());
        Assert.Equal("DrLambdas", record.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString());
    }

    [Fact]
    public async Task Readiness_FirstRun_NotifiesAndRemembersTheFindings()
    {
        _world.World.RpoLagMs = 7000;

        var result = await _world.ReadinessAsync();

        Assert.True(result.Changed);
        Assert.True(result.Notified);
        var notice = Assert.Single(_world.Published);
        Assert.Equal(ReadinessWorld.TopicArn, notice.TopicArn);
        Assert.Contains("[ReplicationLagOverBudget]", notice.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", notice.Message, StringComparison.Ordinal);
        Assert.Contains("ReplicationLagOverBudget:" + Nrt, _world.StoredParameters[ReadinessWorld.FindingsParameter], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_SameFindingsAsTheLastRun_DoesNotNotifyAgain()
    {
        _world.World.RpoLagMs = 7000;
        await _world.ReadinessAsync();
        _world.World.RpoLagMs = 9000;

        var second = await _world.ReadinessAsync();

        Assert.False(second.Changed);
        Assert.False(second.Notified);
        Assert.Single(_world.Published);
    }

    [Fact]
    public async Task Readiness_FindingFixed_NotifiesThatItIsGone()
    {
        _world.World.RpoLagMs = 7000;
        await _world.ReadinessAsync();
        _world.World.RpoLagMs = 800;

        var second = await _world.ReadinessAsync();

        Assert.True(second.Changed);
        Assert.Equal(2, _world.Published.Count);
        Assert.Contains("No longer found: ReplicationLagOverBudget:" + Nrt, _world.Published[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_NoticeFails_IsNotRememberedSoTheNextRunRetries()
    {
        _world.World.RpoLagMs = 7000;
        _world.World.Sns.Setup(client => client.PublishAsync(It.IsAny<SnsPublishRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.ServiceError("SNS", "Publish", "InternalError"));

        var result = await _world.ReadinessAsync();

        Assert.False(result.Notified);
        Assert.Contains(result.Notes, note => note.Contains("the next run tries again", StringComparison.Ordinal));
        Assert.False(_world.StoredParameters.ContainsKey(ReadinessWorld.FindingsParameter));
    }
}
