using DrLambdas.Aws.CloudWatch;
using DrLambdas.Aws.Rds;
using DrLambdas.Aws.StepFunctions;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Errors;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Operations;

public sealed class AssessOperationTests : IDisposable
{
    private readonly ValidatorWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Assess_PrimaryRegionOutage_DecidesFailoverWithinTheDataLossBudget()
    {
        _world.PrimaryRegionOutage();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
        Assert.True(result.Decision.AllowDataLoss);
        Assert.Equal(NrtArn, result.Decision.TargetClusterArn);
        Assert.Equal(0.8, result.Decision.EstimatedDataLossSeconds);
        Assert.Equal([0, 100], result.DesiredWeights.Select(weight => weight.Weight));
    }

    [Fact]
    public async Task Assess_PrimaryAppOutage_DecidesSwitchover()
    {
        _world.PrimaryAppOutage();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Switchover, result.Decision.Action);
        Assert.False(result.Decision.AllowDataLoss);
        Assert.Equal(0, result.Decision.EstimatedDataLossSeconds);
    }

    [Fact]
    public async Task Assess_PartitionSeenOnlyFromTheRecoveryRegion_MovesNothing()
    {
        _world.Partition();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.DoesNotContain(result.Decision.Action, new[] { DecisionAction.Failover, DecisionAction.Switchover, DecisionAction.DrainSecondary });
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.PartitionSuspected);
        Assert.Empty(result.DesiredWeights);
    }

    [Fact]
    public async Task Assess_SecondaryOutage_DrainsTheSecondary()
    {
        _world.SecondaryOutage();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(SecondaryAlarm));

        Assert.Equal(DecisionAction.DrainSecondary, result.Decision.Action);
        Assert.Null(result.Decision.TargetClusterArn);
        Assert.Equal([100, 0], result.DesiredWeights.Select(weight => weight.Weight));
    }

    [Fact]
    public async Task Assess_BothRegionsHealthy_DecidesNone()
    {
        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.None, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.PrimaryNotDownByQuorum);
    }

    [Fact]
    public async Task Assess_EverySource_ContributesASignalPerRegion()
    {
        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        // Probe twice: the direct probe and the recovery Region's scheduled probes read back from their metric.
        foreach (var region in new[] { Tpe, Nrt })
        {
            Assert.Equal(
                [SignalKind.Probe, SignalKind.Probe, SignalKind.Route53HealthCheck, SignalKind.Alarm, SignalKind.DatabaseEndpoint],
                result.Signals.Where(signal => signal.Region == region).Select(signal => signal.Kind).Order());
        }

        Assert.All(result.Signals.Where(signal => signal.Kind == SignalKind.Route53HealthCheck), signal => Assert.Equal("route53-global", signal.Observer));
        Assert.All(result.Signals.Where(signal => signal.Kind != SignalKind.Route53HealthCheck), signal => Assert.Equal(Nrt, signal.Observer));
    }

    [Fact]
    public async Task Assess_SourceThrows_BecomesAnUnknownSignal()
    {
        _world.Route53.Setup(client => client.GetHealthCheckStatusAsync(TpeHealthCheckId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.ServiceError("Route 53", "GetHealthCheckStatus", "AccessDenied"));

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var signal = Assert.Single(result.Signals, signal => signal.Kind == SignalKind.Route53HealthCheck && signal.Region == Tpe);
        Assert.Equal(Verdict.Unknown, signal.Verdict);
        Assert.Contains("AccessDenied", signal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_SourceNeverAnswers_TimesOutIntoAnUnknownSignal()
    {
        _world.CloudWatch.Setup(client => client.DescribeAlarmsAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<IReadOnlyList<DrLambdas.Aws.CloudWatch.CloudWatchAlarm>>().Task);

        var pending = _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));
        _world.Time.Advance(TimeSpan.FromMilliseconds(4000));
        var result = await pending;

        Assert.All(result.Signals.Where(signal => signal.Kind == SignalKind.Alarm), signal =>
        {
            Assert.Equal(Verdict.Unknown, signal.Verdict);
            Assert.Contains("no answer within 4000 ms", signal.Detail, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Assess_LittleLambdaTimeLeft_BoundsEachSourceByTheDeadline()
    {
        await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm), remaining: TimeSpan.FromSeconds(2));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], _world.Probe.Calls.Select(call => call.Budget));
    }

    [Fact]
    public async Task Assess_UnreachableRdsEndpoint_IsUnhealthyEvidence()
    {
        _world.UnreachableRds.Add(Tpe);

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var signal = Assert.Single(result.Signals, signal => signal.Kind == SignalKind.DatabaseEndpoint && signal.Region == Tpe);
        Assert.Equal(Verdict.Unhealthy, signal.Verdict);
        Assert.Contains("unreachable", signal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_RdsAccessDenied_IsUnknownNotUnhealthy()
    {
        _world.Rds.Setup(client => client.DescribeDbClustersAsync(TpeArn, Tpe, It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.ServiceError("RDS", "DescribeDBClusters", "AccessDenied"));

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var signal = Assert.Single(result.Signals, signal => signal.Kind == SignalKind.DatabaseEndpoint && signal.Region == Tpe);
        Assert.Equal(Verdict.Unknown, signal.Verdict);
    }

    [Fact]
    public async Task Assess_ClusterNotAvailable_IsUnhealthyEvidence()
    {
        _world.ClusterStatus[TpeArn] = "inaccessible-encryption-credentials";

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var signal = Assert.Single(result.Signals, signal => signal.Kind == SignalKind.DatabaseEndpoint && signal.Region == Tpe);
        Assert.Equal(Verdict.Unhealthy, signal.Verdict);
        Assert.Contains("inaccessible-encryption-credentials", signal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_GlobalClusterDescribedOnlyThroughPrimary_UsesThatAnswer()
    {
        _world.SecondaryOutage();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(SecondaryAlarm));

        Assert.Equal(DecisionAction.DrainSecondary, result.Decision.Action);
        _world.Rds.Verify(client => client.DescribeGlobalClustersAsync(GlobalClusterId, Tpe, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task Assess_GlobalClusterUnreadableEverywhere_Aborts()
    {
        _world.PrimaryRegionOutage();
        _world.Rds.Setup(client => client.DescribeGlobalClustersAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.NetworkError("DescribeGlobalClusters"));

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Abort, result.Decision.Action);
        Assert.Contains("could not be described", result.Notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_GlobalOperationUnderWay_Escalates()
    {
        _world.PrimaryRegionOutage();
        _world.FailoverState = new GlobalClusterFailoverState("failing-over", TpeArn, NrtArn, true);

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Escalate, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.GlobalOperationInProgress);
    }

    [Fact]
    public async Task Assess_RpoLagUnavailable_Escalates()
    {
        _world.PrimaryRegionOutage();
        _world.RpoLagMs = null;

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Escalate, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.ReplicationLagUnknown);
        Assert.Contains("AuroraGlobalDBRPOLag unavailable", result.Notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_RpoLagBeyondBudget_Escalates()
    {
        _world.PrimaryRegionOutage();
        _world.RpoLagMs = 9000;

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Escalate, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.DataLossBeyondBudget);
    }

    [Fact]
    public async Task Assess_EarlierExecutionStillRunning_DefersToIt()
    {
        _world.PrimaryRegionOutage();
        _world.Executions.Add(new ExecutionSummary("arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:earlier",
            StateMachineArn, "earlier", StepFunctionsExecutionStatus.Running, ValidatorWorld.T0.AddSeconds(-30), null));

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.None, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.DeferredToEarlierExecution);
    }

    [Fact]
    public async Task Assess_FailoverWithinTheCooldown_Escalates()
    {
        const string earlier = "arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:earlier";
        _world.PrimaryRegionOutage();
        _world.Executions.Add(new ExecutionSummary(earlier, StateMachineArn, "earlier", StepFunctionsExecutionStatus.Succeeded,
            ValidatorWorld.T0.AddMinutes(-20), ValidatorWorld.T0.AddMinutes(-10)));
        _world.ExecutionOutputs[earlier] = """{"assessment":{"decision":{"action":"Failover"}}}""";

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Escalate, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.CooldownActive);
    }

    [Fact]
    public async Task Assess_EarlierExecutionThatDecidedNone_DoesNotStartTheCooldown()
    {
        const string earlier = "arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:earlier";
        _world.PrimaryRegionOutage();
        _world.Executions.Add(new ExecutionSummary(earlier, StateMachineArn, "earlier", StepFunctionsExecutionStatus.Succeeded,
            ValidatorWorld.T0.AddMinutes(-20), ValidatorWorld.T0.AddMinutes(-10)));
        _world.ExecutionOutputs[earlier] = """{"assessment":{"decision":{"action":"None"}}}""";

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
    }

    [Fact]
    public async Task Assess_ExecutionsUnreadable_EscalatesWithoutInventingAnExecution()
    {
        _world.PrimaryRegionOutage();
        _world.StepFunctions.Setup(client => client.ListExecutionsAsync(It.IsAny<ListExecutionsRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.ServiceError("Step Functions", "ListExecutions", "AccessDeniedException"));

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Escalate, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.ExecutionHistoryUnknown);
        Assert.DoesNotContain(result.Decision.Reasons, reason => reason.Code == ReasonCode.CooldownActive);
        Assert.Contains("whether another one runs or just promoted is unknown", result.Notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_FailedExecutionThatNeverStartedAPromotion_DoesNotStartTheCooldown()
    {
        const string earlier = "arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:earlier";
        _world.PrimaryRegionOutage();
        _world.Executions.Add(new ExecutionSummary(earlier, StateMachineArn, "earlier", StepFunctionsExecutionStatus.Failed,
            ValidatorWorld.T0.AddMinutes(-20), ValidatorWorld.T0.AddMinutes(-10)));
        _world.ExecutionHistories[earlier] =
        [
            new HistoryEvent(1, "ExecutionStarted", ValidatorWorld.T0.AddMinutes(-20), null, null),
            new HistoryEvent(2, "TaskStateEntered", ValidatorWorld.T0.AddMinutes(-20), "Validate", null),
            new HistoryEvent(3, "ExecutionFailed", ValidatorWorld.T0.AddMinutes(-10), null, null),
        ];

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
    }

    [Fact]
    public async Task Assess_AbortedExecutionWithAStartedPromotion_StartsTheCooldown()
    {
        const string earlier = "arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:earlier";
        _world.PrimaryRegionOutage();
        _world.Executions.Add(new ExecutionSummary(earlier, StateMachineArn, "earlier", StepFunctionsExecutionStatus.Aborted,
            ValidatorWorld.T0.AddMinutes(-20), ValidatorWorld.T0.AddMinutes(-10)));
        _world.ExecutionHistories[earlier] =
        [
            new HistoryEvent(7, "TaskStateEntered", ValidatorWorld.T0.AddMinutes(-19), "PromoteStart", null),
            new HistoryEvent(9, "LambdaFunctionSucceeded", ValidatorWorld.T0.AddMinutes(-19),
                null, $$"""{"outcome":"Started","action":"Failover","targetClusterArn":"{{NrtArn}}","startedAt":"2026-11-25T23:41:00Z"}"""),
            new HistoryEvent(12, "ExecutionAborted", ValidatorWorld.T0.AddMinutes(-10), null, null),
        ];

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Escalate, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.CooldownActive);
    }

    [Fact]
    public async Task Assess_HealthCheckAlarmOfThePrimary_IsManagedAndActs()
    {
        using var world = new ValidatorWorld(ValidatorWorld.WithHealthCheckAlarm()).PrimaryRegionOutage();

        var result = await world.AssessAsync(ValidatorWorld.AlarmEvent(ValidatorWorld.PrimaryHealthCheckAlarm));

        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
        Assert.DoesNotContain(result.Decision.Reasons, reason => reason.Code == ReasonCode.AlarmNotManaged);
    }

    [Fact]
    public async Task Assess_HealthCheckAlarm_IsReadInUsEast1AndVotesWithRoute53()
    {
        using var world = new ValidatorWorld(ValidatorWorld.WithHealthCheckAlarm()).PrimaryRegionOutage();

        var result = await world.AssessAsync(ValidatorWorld.AlarmEvent(ValidatorWorld.PrimaryHealthCheckAlarm));

        world.CloudWatch.Verify(client => client.DescribeAlarmsAsync(
            It.Is<IReadOnlyCollection<string>>(names => names.SequenceEqual(new[] { ValidatorWorld.PrimaryHealthCheckAlarm })), "us-east-1", It.IsAny<CancellationToken>()));
        var signal = Assert.Single(result.Signals, signal => signal.Detail.StartsWith("alarm " + ValidatorWorld.PrimaryHealthCheckAlarm, StringComparison.Ordinal));
        Assert.Equal((SignalKind.Route53HealthCheck, "route53-global", Verdict.Unhealthy), (signal.Kind, signal.Observer, signal.Verdict));
    }

    [Fact]
    public async Task Assess_StaleRpoLag_EscalatesAsUnknownLag()
    {
        _world.PrimaryRegionOutage();
        _world.RpoLagAt = ValidatorWorld.T0.AddMinutes(-4);

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Escalate, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.ReplicationLagStale);
    }

    [Fact]
    public async Task Assess_TargetPendingResync_EscalatesAsUnknownLag()
    {
        _world.PrimaryRegionOutage();
        _world.NrtSynchronisation = "pending-resync";

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Escalate, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.TargetPendingResync);
    }

    [Fact]
    public async Task Assess_RecoveryProbeSeesThePrimaryUp_NeverFailsOverWithDataLoss()
    {
        _world.PrimaryRegionOutage();
        _world.ProbeVerdicts[Tpe] = Verdict.Healthy;

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Escalate, result.Decision.Action);
        Assert.Contains(result.Decision.Reasons, reason => reason.Code == ReasonCode.HealthyProbeCounterVote);
    }

    [Fact]
    public async Task Assess_NoStateMachineConfigured_ListsNoExecutions()
    {
        using var world = new ValidatorWorld(Load(variables => variables.Remove("DR_STATE_MACHINE_ARN"))).PrimaryRegionOutage();

        var result = await world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
        world.StepFunctions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Assess_WeightsUnreadable_FailsOverWithoutGuessingTheWeights()
    {
        _world.PrimaryRegionOutage();
        _world.Route53.Setup(client => client.ListResourceRecordSetsAsync(It.IsAny<DrLambdas.Aws.Route53.ListResourceRecordSetsRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.ServiceError("Route 53", "ListResourceRecordSets", "AccessDenied"));

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(DecisionAction.Failover, result.Decision.Action);
        Assert.Contains("current weights unknown", result.Notice.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("assuming", result.Notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_AlarmMissing_IsAnUnknownSignal()
    {
        _world.AlarmStates.Remove(PrimaryAlarm);

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var signal = Assert.Single(result.Signals, signal => signal.Kind == SignalKind.Alarm && signal.Region == Tpe);
        Assert.Equal(Verdict.Unknown, signal.Verdict);
        Assert.Contains("not found", signal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_AlarmInsufficientData_IsAnUnknownSignal()
    {
        _world.AlarmStates[PrimaryAlarm] = CloudWatchAlarmState.InsufficientData;

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(Verdict.Unknown, Assert.Single(result.Signals, signal => signal.Kind == SignalKind.Alarm && signal.Region == Tpe).Verdict);
    }

    [Fact]
    public async Task Assess_ManualDryRun_IsMarkedDryRunInDecisionAndNotice()
    {
        _world.PrimaryRegionOutage();

        var result = await _world.AssessAsync(ValidatorWorld.ManualDocument("dry-run"));

        Assert.True(result.Decision.DryRun);
        Assert.StartsWith("DrLambdas DRY RUN", result.Notice.Subject, StringComparison.Ordinal);
        Assert.Contains("nothing will be changed", result.Notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_Output_CarriesIncidentIdTriggerAndBudget()
    {
        _world.PrimaryRegionOutage();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal("dr-current", result.IncidentId);
        Assert.Equal(ValidatorWorld.T0, result.AssessedAt);
        Assert.Equal(PrimaryAlarm, result.Trigger.AlarmName);
        Assert.Equal(60, result.RtoBudget.TargetSeconds);
        Assert.False(result.RtoBudget.Reachable);
    }

    [Fact]
    public async Task Assess_Output_CarriesTheServingAndWriteBudgets()
    {
        _world.PrimaryRegionOutage();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.Equal(["health-check-detection", "dns-ttl"], result.ServingRtoBudget!.Items.Select(item => item.Name));
        Assert.Equal(["detection", "decision", "promotion", "writer-endpoint", "reconnect"], result.WriteRtoBudget!.Items.Select(item => item.Name));
        Assert.Equal(60, result.WriteRtoBudget.TargetSeconds);
    }

    [Fact]
    public async Task Assess_Notice_ShowsEachBudgetWithItsItems()
    {
        _world.PrimaryRegionOutage();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var lines = result.Notice.Message.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Contains(lines, line => line.StartsWith("Serving RTO budget: The 60 s RTO target for serving", StringComparison.Ordinal)
            && line.EndsWith($"(health-check-detection {result.ServingRtoBudget!.Items[0].Seconds} s + dns-ttl {result.ServingRtoBudget.Items[1].Seconds} s)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Write RTO budget: The 60 s RTO target for writes", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("RTO budget (recovery actions): The 60 s RTO target is", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assess_Notice_IsAnAsciiSubjectUnder100Characters()
    {
        _world.PrimaryRegionOutage();

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.InRange(result.Notice.Subject.Length, 1, 99);
        Assert.All(result.Notice.Subject, character => Assert.InRange(character, ' ', '~'));
        Assert.Contains("FAILOVER ap-east-2 -> ap-northeast-1", result.Notice.Subject, StringComparison.Ordinal);
        Assert.Contains("[PrimaryDownByQuorum]", result.Notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_Decision_WritesCountDurationAndDataLossMetrics()
    {
        _world.PrimaryRegionOutage();

        await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var decisions = Assert.Single(_world.Context.Metric("Decisions"));
        Assert.Equal("Failover", decisions.GetProperty("Action").GetString());
        Assert.Equal("dr-current", decisions.GetProperty("incidentId").GetString());
        Assert.Single(_world.Context.Metric("AssessmentDuration"));
        Assert.Equal(0.8, Assert.Single(_world.Context.Metric("EstimatedDataLoss")).GetProperty("EstimatedDataLoss").GetDouble());
    }

    [Fact]
    public async Task Assess_Logs_CarryRequestTraceAndIncidentIds()
    {
        await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var decided = Assert.Single(_world.Context.LogRecords, record => record.GetProperty("message").GetString() == "Decided None");
        Assert.Equal("dr-current", decided.GetProperty("incidentId").GetString());
        Assert.Equal(_world.Context.RequestId, decided.GetProperty("requestId").GetString());
        Assert.Equal("1-5bef4de7-ad49b0e87f6ef6c87fc2e700", decided.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Assess_MalformedTrigger_ThrowsInputValidationWithoutAnyAwsCall()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            _world.AssessAsync(System.Text.Json.JsonDocument.Parse("""{"mode":"failover","reason":"x","requestedBy":"alice","forse":true}""").RootElement));

        Assert.Equal("trigger.forse", error.Field);
        _world.VerifyNoAwsOrProbeCall();
    }

    [Fact]
    public async Task Assess_ExecutionStartingInTheFuture_ThrowsInputValidationWithoutAnyAwsCall()
    {
        var request = ValidatorWorld.Assess(ValidatorWorld.AlarmEvent(PrimaryAlarm)) with
        {
            Execution = new DrLambdas.Shared.Contracts.ExecutionReference(ValidatorWorld.CurrentExecutionArn, "current", ValidatorWorld.T0.AddMinutes(5)),
        };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            System.Text.Json.JsonSerializer.SerializeToElement(request, DrLambdas.Shared.Contracts.ContractsJsonContext.Default.AssessRequest),
            DrLambdas.Shared.Contracts.ContractsJsonContext.Default.AssessResponse));

        Assert.Equal("execution.startTime", error.Field);
        _world.VerifyNoAwsOrProbeCall();
    }

    [Fact]
    public async Task Assess_NoticeBody_CannotBeForgedByLineBreaksInEvidence()
    {
        _world.PrimaryRegionOutage();
        _world.ProbeDetails[Tpe] = "HTTP 503\nDecision: None (all clear).";

        var result = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        Assert.DoesNotContain(result.Notice.Message.Split('\n'), line => line.StartsWith("Decision: None", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assess_UnknownMode_ThrowsInputValidation()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.AssessAsync(ValidatorWorld.ManualDocument("panic")));

        Assert.Equal("trigger.mode", error.Field);
    }

    [Fact]
    public async Task Assess_BlankExecutionName_ThrowsInputValidation()
    {
        var request = ValidatorWorld.Assess(ValidatorWorld.AlarmEvent(PrimaryAlarm)) with
        {
            Execution = new DrLambdas.Shared.Contracts.ExecutionReference(ValidatorWorld.CurrentExecutionArn, " ", ValidatorWorld.T0),
        };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => _world.InvokeAsync(
            System.Text.Json.JsonSerializer.SerializeToElement(request, DrLambdas.Shared.Contracts.ContractsJsonContext.Default.AssessRequest),
            DrLambdas.Shared.Contracts.ContractsJsonContext.Default.AssessResponse));

        Assert.Equal("execution.name", error.Field);
    }
}
