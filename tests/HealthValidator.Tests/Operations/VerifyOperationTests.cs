using System.Text.Json;
using System.Text.Json.Nodes;
using DrLambdas.Aws.Rds;
using DrLambdas.Aws.Route53;
using DrLambdas.HealthValidator.Operations;
using DrLambdas.HealthValidator.Tests.Support;
using DrLambdas.Shared.Contracts;
using DrLambdas.Shared.Decisions;
using DrLambdas.Shared.Domain;
using DrLambdas.Shared.Errors;
using Moq;
using static DrLambdas.Functions.Testing.TestConfiguration;

namespace DrLambdas.HealthValidator.Tests.Operations;

public sealed class VerifyOperationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = ValidatorWorld.T0;
    private readonly ValidatorWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Verify_AfterASuccessfulFailover_IsRecovered()
    {
        var document = await FailedOverAsync();

        var report = await VerifyAsync(document);

        Assert.Equal(VerifyOutcome.Recovered, report.Outcome);
        Assert.All(report.Checks, check => Assert.True(check.Passed, check.Name + ": " + check.Detail));
        Assert.Equal(
            [VerifyOperation.TargetHealthy, VerifyOperation.TargetWriter, VerifyOperation.PromotionCompleted],
            report.Checks.Select(check => check.Name));
        Assert.Equal(PinState.Landed, report.Pin.State);
        Assert.Equal("DrLambdas [dr-current]: Recovered after Failover to ap-northeast-1", report.Subject);
    }

    [Fact]
    public async Task Verify_TargetNotTheWriter_IsFailed()
    {
        var document = await FailedOverAsync();
        _world.WriterArn = TpeArn;

        var report = await VerifyAsync(document);

        Assert.Equal(VerifyOutcome.Failed, report.Outcome);
        var check = Assert.Single(report.Checks, check => !check.Passed);
        Assert.Equal(VerifyOperation.TargetWriter, check.Name);
        Assert.Contains(TpeArn, check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_GlobalOperationStillUnderWay_FailsTheWriterCheck()
    {
        var document = await FailedOverAsync();
        _world.FailoverState = new GlobalClusterFailoverState("failing-over", TpeArn, NrtArn, true);

        var report = await VerifyAsync(document);

        Assert.False(Assert.Single(report.Checks, check => check.Name == VerifyOperation.TargetWriter).Passed);
    }

    [Fact]
    public async Task Verify_GlobalClusterUnreadable_FailsTheWriterCheck()
    {
        var document = await FailedOverAsync();
        _world.UnreachableRds.Add(Nrt);

        var report = await VerifyAsync(document);

        var check = Assert.Single(report.Checks, check => check.Name == VerifyOperation.TargetWriter);
        Assert.False(check.Passed);
        Assert.Contains("unreadable", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PinNotLandedYet_IsDegradedWithEveryCheckPassed()
    {
        var document = await FailedOverAsync();
        _world.Weights = (70, 30);

        var report = await VerifyAsync(document);

        Assert.Equal(VerifyOutcome.Degraded, report.Outcome);
        Assert.All(report.Checks, check => Assert.True(check.Passed, check.Name));
        Assert.Equal(PinState.Pending, report.Pin.State);
        Assert.Contains("tpe=70 (desired 0), nrt=30 (desired 100)", report.Pin.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Route53Unreachable_IsDegradedSayingTrafficIsHeldByHealthChecksOnly()
    {
        var document = await FailedOverAsync();
        _world.Route53.Setup(client => client.ListResourceRecordSetsAsync(It.IsAny<ListResourceRecordSetsRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ValidatorWorld.NetworkError("ListResourceRecordSets"));

        var report = await VerifyAsync(document);

        Assert.Equal(VerifyOutcome.Degraded, report.Outcome);
        Assert.Equal(PinState.Pending, report.Pin.State);
        Assert.Contains("unreadable", report.Pin.Detail, StringComparison.Ordinal);
        Assert.Equal("DrLambdas [dr-current]: Degraded after Failover to ap-northeast-1; pin pending", report.Subject);
        Assert.Contains("traffic held by health checks only; pin pending", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PinStillPropagating_IsRecoveredWithoutWaitingForInSync()
    {
        var document = await FailedOverAsync(dns: Dns(ChangePropagation.Pending));

        var report = await VerifyAsync(document);

        Assert.Equal(VerifyOutcome.Recovered, report.Outcome);
        Assert.Equal(PinState.Landed, report.Pin.State);
    }

    [Fact]
    public async Task Verify_TargetProbeUnhealthy_IsFailed()
    {
        var document = await FailedOverAsync();
        _world.ProbeVerdicts[Nrt] = Verdict.Unhealthy;

        var report = await VerifyAsync(document);

        Assert.Equal(VerifyOutcome.Failed, report.Outcome);
        Assert.Equal(VerifyOperation.TargetHealthy, Assert.Single(report.Checks, check => !check.Passed).Name);
    }

    [Fact]
    public async Task Verify_PromotionNotCompleted_IsFailedAndMeasuredToVerification()
    {
        var document = await FailedOverAsync(promotionStatus: PromotionState.InProgress);

        var report = await VerifyAsync(document);

        Assert.Equal(VerifyOutcome.Failed, report.Outcome);
        Assert.Equal(VerifyOperation.PromotionCompleted, Assert.Single(report.Checks, check => !check.Passed).Name);
        Assert.Equal(RtoEndPoint.Verified, report.Rto.MeasuredTo);
        Assert.Equal(150, report.Rto.MeasuredSeconds);
    }

    [Fact]
    public async Task Verify_TargetAlreadyPrimaryAtStart_PassesThePromotionCheck()
    {
        var document = await FailedOverAsync();
        document = document with
        {
            Actions = document.Actions! with { Promotion = new PromotionReport(NrtArn, T0.AddSeconds(10), Outcome: PromotionOutcome.AlreadyPrimary) },
        };

        var report = await VerifyAsync(document);

        Assert.True(Assert.Single(report.Checks, check => check.Name == VerifyOperation.PromotionCompleted).Passed);
    }

    [Fact]
    public async Task Verify_DrainSecondary_DoesNotCheckTheWriter()
    {
        _world.SecondaryOutage();
        var assessment = await _world.AssessAsync(ValidatorWorld.AlarmEvent(SecondaryAlarm));
        Assert.Equal(DecisionAction.DrainSecondary, assessment.Decision.Action);
        _world.Weights = (100, 0);
        _world.Rds.Invocations.Clear();

        var report = await VerifyAsync(Document(assessment, ValidatorWorld.AlarmEvent(SecondaryAlarm), promotion: null, Dns(ChangePropagation.InSync)));

        Assert.Equal(VerifyOutcome.Recovered, report.Outcome);
        Assert.Equal(RtoEndPoint.Verified, report.Rto.MeasuredTo);
        Assert.DoesNotContain(report.Checks, check => check.Name == VerifyOperation.TargetWriter);
        _world.Rds.Verify(client => client.DescribeGlobalClustersAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never());
        Assert.Equal(0, report.DataLoss.EstimatedSeconds);
    }

    [Fact]
    public async Task Verify_Timeline_RunsFromTheAlarmToVerificationInOrder()
    {
        var document = await FailedOverAsync();

        var report = await VerifyAsync(document);

        Assert.Equal(
            ["AlarmFired", "ExecutionStarted", "Assessed", "PromotionStarted", "PromotionCompleted", "Verified"],
            report.Timeline.Select(entry => entry.Step));
        Assert.Equal(T0.AddSeconds(-30), report.Timeline[0].At);
    }

    [Fact]
    public async Task Verify_Report_SaysThePauseAsTheDecisionSawIt()
    {
        var document = await FailedOverAsync();
        var paused = document with
        {
            Assessment = document.Assessment with
            {
                Decision = document.Assessment.Decision with
                {
                    Pause = new PauseSummary(Shared.Pause.PauseStatus.Active, "/drlambdas/dr/pause", "alice", "drill", T0.AddHours(-1), T0.AddHours(1), null),
                },
            },
        };

        var report = await VerifyAsync(paused);

        Assert.Contains("Pause: automatic failover PAUSED by alice since 2026-11-25T23:00:00Z until 2026-11-26T01:00:00Z: drill.", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ApprovedExecution_ReportsTheApproverTheReasonAndWhenInTheTimeline()
    {
        var document = await FailedOverAsync() with
        {
            ApprovalGate = new ApprovalGateSection(new ApprovalAnswer(
                "arn:aws:sts::111122223333:assumed-role/dr-operator/alice", "primary confirmed down by the DBA", T0.AddSeconds(1))),
        };

        var report = await VerifyAsync(document);

        Assert.Contains("Approved by arn:aws:sts::111122223333:assumed-role/dr-operator/alice at 2026-11-26T00:00:01Z: primary confirmed down by the DBA",
            report.Summary, StringComparison.Ordinal);
        Assert.Equal(T0.AddSeconds(1), Assert.Single(report.Timeline, entry => entry.Step == "Approved").At);
    }

    [Fact]
    public async Task Verify_ApprovalGateAsTheStateMachineWritesIt_ReadsTheApprovalAndIgnoresTheGateState()
    {
        var document = JsonSerializer.SerializeToNode(await FailedOverAsync(), ContractsJsonContext.Default.ExecutionDocument)!;
        document["approvalGate"] = JsonNode.Parse("""
            {"policy":"escalations","timeoutSeconds":900,"decision":"Escalate","reasons":["PrimaryNotDownByQuorum"],
             "approval":{"approvedBy":"arn:aws:iam::111122223333:user/bob","reason":"go","approvedAt":"2026-11-26T00:00:02Z"},
             "closed":{"parameterName":"/drlambdas/dr/approvals/current","deleted":true}}
            """);
        var request = new JsonObject { ["operation"] = OperationNames.Verify, ["document"] = document };

        var report = await _world.InvokeAsync(JsonDocument.Parse(request.ToJsonString()).RootElement, ContractsJsonContext.Default.VerifyResponse);

        Assert.Contains("Approved by arn:aws:iam::111122223333:user/bob at 2026-11-26T00:00:02Z: go", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Rto_IsMeasuredFromTheAlarmToThePromotionDone()
    {
        var document = await FailedOverAsync();

        var report = await VerifyAsync(document);

        // Alarm at T0-30 s; promotion started T0+2 s and completed 70 s later; verification at T0+120 s does not count.
        Assert.Equal(102, report.Rto.MeasuredSeconds);
        Assert.Equal(RtoEndPoint.PromotionCompleted, report.Rto.MeasuredTo);
        Assert.Equal(60, report.Rto.TargetSeconds);
        Assert.Equal(document.Assessment.RtoBudget.TotalSeconds, report.Rto.BudgetSeconds);
        Assert.Equal(["alarm-to-execution", "assessment", "promotion"], report.Rto.Breakdown.Select(phase => phase.Name));
        Assert.Equal(30, report.Rto.Breakdown[0].Seconds);
        Assert.Contains("measured to the promotion done (the DNS pin is not part of it)", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PinStillPending_RtoIsTheSameAsWithThePinLanded()
    {
        var document = await FailedOverAsync();
        var landed = await VerifyAsync(document);
        _world.Weights = (70, 30);

        var pending = await VerifyAsync(document);

        Assert.Equal(PinState.Pending, pending.Pin.State);
        Assert.Equal(landed.Rto.MeasuredSeconds, pending.Rto.MeasuredSeconds);
    }

    [Fact]
    public async Task Verify_Failover_ReportsTheEstimatedDataLoss()
    {
        var document = await FailedOverAsync();

        var report = await VerifyAsync(document);

        Assert.Equal(0.8, report.DataLoss.EstimatedSeconds);
        Assert.True(report.DataLoss.Allowed);
        Assert.Contains("AuroraGlobalDBRPOLag", report.DataLoss.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Summary_IsPlainTextWithChecksTimelineAndReasons()
    {
        var document = await FailedOverAsync();

        var report = await VerifyAsync(document);

        Assert.StartsWith("Outcome: Recovered", report.Summary, StringComparison.Ordinal);
        Assert.Contains("- [PASS] target-writer:", report.Summary, StringComparison.Ordinal);
        Assert.Contains("2026-11-25T23:59:30Z AlarmFired", report.Summary, StringComparison.Ordinal);
        Assert.Contains("[PrimaryDownByQuorum]", report.Summary, StringComparison.Ordinal);
        Assert.Equal(document.Assessment.Decision.Reasons.Select(reason => reason.Code), report.Reasons.Select(reason => reason.Code));
    }

    [Fact]
    public async Task Verify_Summary_CannotBeForgedByLineBreaksInEvidence()
    {
        var document = await FailedOverAsync();
        _world.ProbeVerdicts[Nrt] = Verdict.Unhealthy;
        _world.ProbeDetails[Nrt] = "HTTP 503\nOutcome: Recovered";

        var report = await VerifyAsync(document);

        Assert.Equal(VerifyOutcome.Failed, report.Outcome);
        Assert.DoesNotContain(report.Summary.Split('\n'), line => line.StartsWith("Outcome: Recovered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_Summary_CannotBeForgedByLineBreaksInTheDocument()
    {
        var document = await FailedOverAsync();
        var decision = document.Assessment.Decision;
        document = document with
        {
            Assessment = document.Assessment with
            {
                IncidentId = "dr-current\r\nAction: None",
                Decision = decision with { Reasons = [decision.Reasons[0] with { Message = "fine\n- [PASS] all-clear: forged" }] },
            },
        };

        var report = await VerifyAsync(document);

        Assert.DoesNotContain(report.Summary.Split('\n'), line => line.StartsWith("Action: None", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Summary.Split('\n'), line => line.StartsWith("- [PASS] all-clear", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_Report_WritesRtoAndOutcomeMetrics()
    {
        var document = await FailedOverAsync();

        await VerifyAsync(document);

        Assert.Equal(102, Assert.Single(_world.Context.Metric("Rto")).GetProperty("Rto").GetDouble());
        Assert.Equal("Recovered", Assert.Single(_world.Context.Metric("Recoveries")).GetProperty("Outcome").GetString());
    }

    [Fact]
    public async Task Verify_DecisionWithoutAction_ThrowsInputValidation()
    {
        var assessment = await _world.AssessAsync(ValidatorWorld.AlarmEvent(PrimaryAlarm));

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            VerifyAsync(Document(assessment, ValidatorWorld.AlarmEvent(PrimaryAlarm), null, null)));

        Assert.Equal("document.assessment.decision.action", error.Field);
    }

    [Fact]
    public async Task Verify_UnmanagedTargetRegion_ThrowsInputValidation()
    {
        var document = await FailedOverAsync();
        document = document with
        {
            Assessment = document.Assessment with { Decision = document.Assessment.Decision with { TargetRegion = "eu-west-1" } },
        };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => VerifyAsync(document));

        Assert.Equal("document.assessment.decision.targetRegion", error.Field);
    }

    /// <summary>
    /// Taiwan fails (alarm 30 s before the execution), the assessment decides Failover; then the world is as the
    /// actions left it (Tokyo writer, weights 0/100) and verification runs 120 s after the execution started. As
    /// in the failover machine, the document holds the promotion only (the pin runs beside it).
    /// </summary>
    private async Task<ExecutionDocument> FailedOverAsync(PromotionState promotionStatus = PromotionState.Completed, DnsChangeResponse? dns = null)
    {
        _world.PrimaryRegionOutage();
        var trigger = ValidatorWorld.AlarmEvent(PrimaryAlarm);
        var assessment = await _world.AssessAsync(trigger);
        Assert.Equal(DecisionAction.Failover, assessment.Decision.Action);
        _world.WriterArn = NrtArn;
        _world.Weights = (0, 100);
        _world.Time.Advance(TimeSpan.FromSeconds(120));
        var promotion = new PromotionReport(NrtArn, T0.AddSeconds(2), Status: promotionStatus, ElapsedSeconds: 70,
            WriterEndpoint: "app-global.global-abc.global.rds.amazonaws.com", Detail: "done");
        return Document(assessment, trigger, promotion, dns);
    }

    private static DnsChangeResponse Dns(ChangePropagation status) =>
        new(["/change/C1"], status, T0.AddSeconds(3), 45, false);

    private static ExecutionDocument Document(AssessResponse assessment, JsonElement trigger, PromotionReport? promotion, DnsChangeResponse? dns) =>
        new(trigger, new ExecutionReference(ValidatorWorld.CurrentExecutionArn, "current", T0), assessment, new RecoveryActions(promotion, dns));

    private Task<VerifyResponse> VerifyAsync(ExecutionDocument document) => _world.InvokeAsync(
        JsonSerializer.SerializeToElement(new VerifyRequest(OperationNames.Verify, document), ContractsJsonContext.Default.VerifyRequest),
        ContractsJsonContext.Default.VerifyResponse);
}
