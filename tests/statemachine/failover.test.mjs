import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { instantWaits, loadDefinition, runStateMachine, taskHandlersByResource } from './support/local-sfn.mjs';
import {
  FakeFunctions,
  SUBSTITUTIONS,
  assessment,
  dnsApplied,
  dnsStatus,
  fails,
  pinJudgement,
  promotionStarted,
  promotionStatus,
  sequence,
  verifyReport,
  weights,
} from './support/fake-functions.mjs';
import { assertNotVisited, assertVisitedInOrder, inputOf, retries, topLevelPath } from './support/assertions.mjs';

const definition = loadDefinition(fileURLToPath(new URL('../../statemachine/failover.asl.json', import.meta.url)), SUBSTITUTIONS);

const ALARM_EVENT = {
  version: '0',
  id: 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92',
  'detail-type': 'CloudWatch Alarm State Change',
  source: 'aws.cloudwatch',
  account: '111122223333',
  time: '2026-11-26T00:00:00Z',
  region: 'ap-northeast-1',
  resources: ['arn:aws:cloudwatch:ap-northeast-1:111122223333:alarm:tpe-health'],
  detail: {
    alarmName: 'tpe-health',
    state: { value: 'ALARM', reason: 'Threshold Crossed', timestamp: '2026-11-26T00:00:00.000+0000' },
    previousState: { value: 'OK', reason: 'ok', timestamp: '2026-11-25T23:00:00.000+0000' },
  },
};

/** Responders for a recovery that goes well; `overrides` replaces some of them. */
function recoveryWorld(action, overrides = {}) {
  return new FakeFunctions({
    'HealthValidator.assess': assessment(action),
    'HealthValidator.verify': verifyReport('Recovered'),
    'AuroraPromoter.start': promotionStarted(action),
    'AuroraPromoter.status': sequence(promotionStatus('InProgress'), promotionStatus('Completed')),
    'DnsUpdater.apply': dnsApplied('PENDING'),
    'DnsUpdater.status': sequence(dnsStatus('PENDING'), dnsStatus('INSYNC')),
    'HealthValidator.pin': pinJudgement('Pending'),
    ...overrides,
  });
}

async function run(world, input = ALARM_EVENT, options = {}) {
  return runStateMachine(definition, input, { taskHandlers: taskHandlersByResource(definition, world.invoke), ...options });
}

/** The approval gate passed under RequireApproval never. */
const NO_APPROVAL = ['ApprovalGate', 'ApprovalPolicy', 'ApprovalApplies'];

/** The top-level end of a recovery that verified and reported. */
const RECOVERED_TAIL = ['ExecuteRecovery', 'CollectOutcome', 'PinOutcome', 'Recovered'];

/** A failed execution has no output: the document is what the failure notification was sent from. */
function failureDocument(result) {
  return inputOf(result, 'NotifyFailure');
}

describe('failover state machine', () => {
  describe('decision None', () => {
    it('Run_DecisionNone_SendsQuietNoticeAndSucceedsWithoutActions', async () => {
      const world = recoveryWorld('None');

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.deepEqual(result.visited, ['Initialize', 'Validate', 'ApprovalGate', 'RouteDecision', 'NotifyNoAction', 'NoActionNeeded']);
      assert.deepEqual(world.operations(), ['HealthValidator.assess']);
      assert.deepEqual(
        world.notifications.map((n) => [n.stateName, n.severity, n.subject, n.topicArn]),
        [['NotifyNoAction', 'info', 'DrLambdas: None', SUBSTITUTIONS.AlertTopicArn]],
      );
      assert.deepEqual(Object.keys(result.output), ['trigger', 'execution', 'assessment']);
    });

    it('Run_AlarmEvent_DocumentKeepsTriggerExactlyAndExecutionIdentity', async () => {
      const world = recoveryWorld('None');

      const result = await run(world);

      assert.deepEqual(result.output.trigger, ALARM_EVENT);
      assert.equal(result.output.execution.name, 'test-execution');
      assert.equal(result.output.execution.id, 'arn:aws:states:ap-northeast-1:111122223333:execution:drlambdas:test-execution');
      assert.match(result.output.execution.startTime, /^\d{4}-\d{2}-\d{2}T/);
      assert.deepEqual(world.calls[0].input, {
        operation: 'assess',
        trigger: ALARM_EVENT,
        execution: result.output.execution,
      });
    });
  });

  for (const action of ['Escalate', 'Abort']) {
    describe(`decision ${action}`, () => {
      it(`Run_Decision${action}_NotifiesOperatorCriticallyAndStopsWithoutActions`, async () => {
        const world = recoveryWorld(action);

        const result = await run(world);

        assert.equal(result.status, 'SUCCEEDED');
        assert.deepEqual(result.visited, ['Initialize', 'Validate', ...(action === 'Abort' ? ['ApprovalGate'] : NO_APPROVAL), 'RouteDecision', 'NotifyOperator', 'HandedToOperator']);
        assert.deepEqual(world.operations(), ['HealthValidator.assess']);
        assert.deepEqual(
          world.notifications.map((n) => [n.stateName, n.severity, n.message]),
          [['NotifyOperator', 'critical', `The decision is ${action}.`]],
        );
      });
    });
  }

  describe('decision DrainSecondary', () => {
    it('Run_DecisionDrainSecondary_MovesDnsOnlyAndReports', async () => {
      const world = recoveryWorld('DrainSecondary', { 'HealthValidator.assess': assessment('DrainSecondary', { desired: weights(100, 0) }) });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.deepEqual(topLevelPath(definition, result.visited), [
        'Initialize', 'Validate', ...NO_APPROVAL, 'RouteDecision', 'PinOrder', 'PinFirst', ...RECOVERED_TAIL,
      ]);
      assertVisitedInOrder(result.visited, ['DatabaseChangeRequired', 'DatabaseUnchanged', 'Verify', 'NotifyReport']);
      assertVisitedInOrder(result.visited, ['PinBegin', 'PinNeeded', 'PinAlreadyLanded']);
      assertNotVisited(result.visited, ['PromoteStart', 'PromoteStatus', 'PinApply']);
      assert.ok(!world.operations().some((op) => op.startsWith('AuroraPromoter')), world.operations().join());
      assert.ok(world.log.indexOf('PinFirst') < world.log.indexOf('Verify'), world.log.join());
      assert.deepEqual(world.calls.find((c) => c.operation === 'apply').input.desiredWeights, weights(100, 0));
      assert.deepEqual(Object.keys(result.output.actions), ['dns']);
      assert.equal(result.output.pin.state, 'Landed');
    });
  });

  for (const action of ['Switchover', 'Failover']) {
    describe(`decision ${action}`, () => {
      it(`Run_Decision${action}_PromotesAndMovesTrafficThenVerifiesAndReports`, async () => {
        const world = recoveryWorld(action);

        const result = await run(world);

        assert.equal(result.status, 'SUCCEEDED');
        assert.deepEqual(topLevelPath(definition, result.visited).slice(-4), RECOVERED_TAIL);
        assertVisitedInOrder(result.visited, ['Verify', 'NotifyReport', 'ReportOutcome', 'Reported']);
        assertNotVisited(result.visited, ['DnsStatus', 'PinCheck']);
        assert.ok(!world.operations().includes('DnsUpdater.status'), 'the failover never waits for INSYNC');
        assert.deepEqual(Object.keys(result.output), ['trigger', 'execution', 'assessment', 'actions', 'report', 'pin', 'approvalGate']);
        assert.equal(result.output.actions.promotion.status, 'Completed');
        assert.equal(result.output.actions.promotion.promoted, true);
        assert.equal(result.output.actions.dns.status, 'PENDING');
        assert.equal(result.output.pin.state, 'Landed');
        assert.equal(result.output.report.outcome, 'Recovered');
        assert.deepEqual(
          world.notifications.map((n) => [n.stateName, n.severity, n.subject]),
          [['NotifyReport', 'high', 'DrLambdas: Recovered']],
        );
      });

      it(`Run_Decision${action}_StartsPromotionWithTheDecidedParameters`, async () => {
        const world = recoveryWorld(action);

        await run(world);

        const decision = assessment(action).decision;
        assert.deepEqual(world.calls.find((c) => c.operation === 'start').input, {
          operation: 'start',
          incidentId: 'dr-test-execution',
          action,
          targetRegion: decision.targetRegion,
          targetClusterArn: decision.targetClusterArn,
          allowDataLoss: action === 'Failover',
        });
      });
    });
  }

  describe('decision Failover runs database and traffic side by side', () => {
    it('Run_DecisionFailover_PromotesInTheParallelBranch', async () => {
      const world = recoveryWorld('Failover');

      const result = await run(world);

      assert.deepEqual(topLevelPath(definition, result.visited), ['Initialize', 'Validate', ...NO_APPROVAL, 'RouteDecision', 'PinOrder', ...RECOVERED_TAIL]);
      assertVisitedInOrder(result.visited, ['PromoteStart', 'PromoteStatus', 'PromotionProgress', 'WaitForPromotion', 'PromoteStatus', 'PromotionComplete', 'Verify']);
      assertVisitedInOrder(result.visited, ['PinBegin', 'PinNeeded', 'PinApply', 'PinLanded']);
      assertNotVisited(result.visited, ['PinFirst']);
    });

    it('Run_FailoverEndsWithoutPromoting_FailsWithPromotionFailed', async () => {
      const world = recoveryWorld('Failover', { 'AuroraPromoter.status': promotionStatus('NotPromoted') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'PromotionFailed');
      assertVisitedInOrder(result.visited, ['PromotionProgress', 'PromotionReportedFailure', 'NotifyFailure']);
      assert.match(failureDocument(result).error.Cause, /"promoted":false/);
    });
  });

  describe('decision Switchover moves the writer before the traffic', () => {
    /** Index of the first call of `operation` in call order. */
    const firstCall = (world, operation) => world.operations().indexOf(operation);
    const lastCall = (world, operation) => world.operations().lastIndexOf(operation);

    it('Run_DecisionSwitchover_AppliesDnsOnlyAfterTheSwitchoverCompleted', async () => {
      const world = recoveryWorld('Switchover');

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.deepEqual(topLevelPath(definition, result.visited), [
        'Initialize', 'Validate', ...NO_APPROVAL, 'RouteDecision', 'SwitchoverStart', 'SwitchoverStatus', 'SwitchoverProgress', 'WaitForSwitchover',
        'SwitchoverStatus', 'SwitchoverProgress', 'PinFirst', ...RECOVERED_TAIL,
      ]);
      assertVisitedInOrder(result.visited, ['DatabaseChangeRequired', 'SwitchoverCompleted']);
      assertNotVisited(result.visited, ['PromoteStart', 'PromoteStatus']);
      assert.ok(firstCall(world, 'DnsUpdater.apply') > lastCall(world, 'AuroraPromoter.status'), world.operations().join());
      assert.equal(world.operations().filter((op) => op === 'AuroraPromoter.start').length, 1);
      assert.deepEqual(result.output.actions.promotion, promotionStatus('Completed'));
    });

    it('Run_SwitchoverNotCompletedThenFailoverDecided_ReassessesBeforeTouchingDnsAndFailsOver', async () => {
      const world = recoveryWorld('Switchover', {
        'HealthValidator.assess': sequence(assessment('Switchover'), assessment('Failover')),
        'AuroraPromoter.start': (input) => promotionStarted(input.action),
        'AuroraPromoter.status': sequence(promotionStatus('InProgress'), promotionStatus('NotPromoted'), promotionStatus('Completed')),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assertVisitedInOrder(topLevelPath(definition, result.visited), [
        'SwitchoverStart', 'SwitchoverProgress', 'SwitchoverNotCompleted', 'RecordSwitchoverNotCompleted', 'NotifySwitchoverNotCompleted',
        'Validate', ...NO_APPROVAL, 'RouteDecision', 'PinOrder', 'ExecuteRecovery', 'Recovered',
      ]);
      assert.ok(world.log.indexOf('PinApply') > world.log.lastIndexOf('Validate'), world.log.join());
      assert.deepEqual(world.operations().slice(0, 5), [
        'HealthValidator.assess', 'AuroraPromoter.start', 'AuroraPromoter.status', 'AuroraPromoter.status', 'HealthValidator.assess',
      ]);
      assert.deepEqual(world.calls.filter((c) => c.operation === 'start').map((c) => [c.input.action, c.input.allowDataLoss]), [
        ['Switchover', false], ['Failover', true],
      ]);
      const reassess = world.calls.filter((c) => c.operation === 'assess')[1].input;
      assert.deepEqual(reassess, { operation: 'assess', trigger: ALARM_EVENT, execution: result.output.execution });
      assert.equal(result.output.assessment.decision.action, 'Failover');
      assert.deepEqual(
        world.notifications.map((n) => [n.stateName, n.severity, n.subject]),
        [
          ['NotifySwitchoverNotCompleted', 'high', 'DrLambdas switchover to ap-northeast-1 did not complete; assessing again'],
          ['NotifyReport', 'high', 'DrLambdas: Recovered'],
        ],
      );
      assert.match(world.notifications[0].message, /DNS was not changed/);
    });

    it('Run_SwitchoverNotCompletedThenEscalate_HandsToOperatorWithDnsUntouched', async () => {
      const world = recoveryWorld('Switchover', {
        'HealthValidator.assess': sequence(assessment('Switchover'), assessment('Escalate')),
        'AuroraPromoter.status': promotionStatus('NotPromoted'),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.deepEqual(topLevelPath(definition, result.visited).slice(-3), ['RouteDecision', 'NotifyOperator', 'HandedToOperator']);
      assert.ok(!world.operations().some((op) => op.startsWith('DnsUpdater')), world.operations().join());
      assert.deepEqual(world.notifications.map((n) => [n.stateName, n.severity]), [['NotifySwitchoverNotCompleted', 'high'], ['NotifyOperator', 'critical']]);
    });

    it('Run_SwitchoverNotCompletedTwice_FailsWithSwitchoverNotCompletedAndDnsUntouched', async () => {
      const world = recoveryWorld('Switchover', { 'AuroraPromoter.status': promotionStatus('NotPromoted') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'SwitchoverNotCompleted');
      assert.match(result.cause, /^Step SwitchoverStatus failed: /);
      assert.equal(world.operations().filter((op) => op === 'HealthValidator.assess').length, 2);
      assert.equal(world.operations().filter((op) => op === 'AuroraPromoter.start').length, 2);
      assert.ok(!world.operations().some((op) => op.startsWith('DnsUpdater')), world.operations().join());
      const document = failureDocument(result);
      assert.equal(document.failedStep, 'SwitchoverStatus');
      assert.equal(document.switchoverNotCompleted.promotion.status, 'NotPromoted');
      assert.equal(document.switchoverNotCompleted.decision.action, 'Switchover');
    });

    it('Run_SwitchoverReportsFailed_FailsWithSwitchoverFailedAndDnsUntouched', async () => {
      const world = recoveryWorld('Switchover', { 'AuroraPromoter.status': promotionStatus('Failed') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'SwitchoverFailed');
      assertVisitedInOrder(result.visited, ['SwitchoverProgress', 'SwitchoverReportedFailure', 'SwitchoverStatusFailed', 'NotifyFailure']);
      assert.ok(!world.operations().some((op) => op.startsWith('DnsUpdater')), world.operations().join());
    });

    it('Run_SwitchoverTimedOut_FailsWithSwitchoverTimedOutAndDnsUntouched', async () => {
      const world = recoveryWorld('Switchover', { 'AuroraPromoter.status': promotionStatus('InProgress', { timedOut: true }) });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'SwitchoverTimedOut');
      assert.equal(failureDocument(result).failedStep, 'SwitchoverStatus');
      assert.ok(!world.operations().some((op) => op.startsWith('DnsUpdater')), world.operations().join());
    });

    it('Run_SwitchoverStartRejected_FailsAtSwitchoverStartAndDnsUntouched', async () => {
      const world = recoveryWorld('Switchover', { 'AuroraPromoter.start': fails('AwsServiceException', 'InvalidGlobalClusterStateFault') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(failureDocument(result).failedStep, 'SwitchoverStart');
      assert.ok(!world.operations().some((op) => op.startsWith('DnsUpdater')), world.operations().join());
    });

    it('Run_SwitchoverNoticeFails_StillReassesses', async () => {
      const world = recoveryWorld('Switchover', {
        'HealthValidator.assess': sequence(assessment('Switchover'), assessment('Escalate')),
        'AuroraPromoter.status': promotionStatus('NotPromoted'),
        'SNS.publish': sequence(fails('SNS.ThrottledException'), fails('SNS.ThrottledException'), fails('SNS.ThrottledException'), fails('SNS.ThrottledException'), () => {}),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assertVisitedInOrder(result.visited, ['NotifySwitchoverNotCompleted', 'Validate', 'NotifyOperator', 'HandedToOperator']);
    });
  });

  describe('promotion and propagation loops', () => {
    it('Run_PromotionStatus_PollsWithStartOutputThenLastStatus', async () => {
      const world = recoveryWorld('Failover');

      await run(world);

      const statusInputs = world.calls.filter((c) => c.function === 'AuroraPromoter' && c.operation === 'status').map((c) => c.input);
      assert.equal(statusInputs.length, 2);
      for (const input of statusInputs) {
        assert.deepEqual(input, {
          operation: 'status',
          targetClusterArn: promotionStarted().targetClusterArn,
          startedAt: promotionStarted().startedAt,
          incidentId: 'dr-test-execution',
        });
      }
    });

    it('Run_DnsApplyAlreadyInSync_PinLandsWithoutPolling', async () => {
      const world = recoveryWorld('Failover', { 'DnsUpdater.apply': dnsApplied('INSYNC') });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assertVisitedInOrder(result.visited, ['PinApply', 'PinLanded']);
      assert.equal(result.output.actions.dns.status, 'INSYNC');
    });

    it('Run_VerifyInput_IsTheDocumentWithThePromotionOnly', async () => {
      const world = recoveryWorld('Failover');

      const result = await run(world);

      const document = world.calls.find((c) => c.operation === 'verify').input.document;
      assert.deepEqual(Object.keys(document), ['trigger', 'execution', 'assessment', 'actions']);
      assert.deepEqual(document.actions, { promotion: result.output.actions.promotion });
      assert.deepEqual(document.assessment, result.output.assessment);
    });

    it('Run_PromotionTimedOut_NotifiesFailureNamingStepAndFails', async () => {
      const world = recoveryWorld('Failover', {
        'AuroraPromoter.status': sequence(promotionStatus('InProgress'), promotionStatus('InProgress', { timedOut: true })),
        'DnsUpdater.status': dnsStatus('INSYNC'),
      });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'PromotionTimedOut');
      assertVisitedInOrder(result.visited, ['PromoteStatus', 'PromotionProgress', 'PromotionTimedOut', 'DatabaseBranchFailed']);
      assert.deepEqual(topLevelPath(definition, result.visited).slice(-5), [
        'ExecuteRecovery', 'RecordRecoveryFailure', 'NotifyFailure', 'DescribeFailure', 'FailoverFailed',
      ]);
      assert.match(result.cause, /^Step PromoteStatus failed: /);
      assertNotVisited(result.visited, ['Verify', 'NotifyReport']);
      const document = failureDocument(result);
      assert.equal(document.failedStep, 'PromoteStatus');
      assert.equal(document.error.Error, 'PromotionTimedOut');
      assert.match(document.error.Cause, /"timedOut":true/);
      assert.deepEqual(Object.keys(document), ['trigger', 'execution', 'assessment', 'error', 'failedStep']);
      assert.deepEqual(
        world.notifications.map((n) => [n.stateName, n.severity, n.subject]),
        [['NotifyFailure', 'critical', 'DrLambdas failover stopped at PromoteStatus: PromotionTimedOut']],
      );
    });

    it('Run_PromotionReportsFailed_FailsWithPromotionFailed', async () => {
      const world = recoveryWorld('Failover', { 'AuroraPromoter.status': promotionStatus('Failed') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'PromotionFailed');
      assertVisitedInOrder(result.visited, ['PromotionProgress', 'PromotionReportedFailure', 'NotifyFailure']);
      assert.equal(failureDocument(result).failedStep, 'PromoteStatus');
    });

  });

  describe('the DNS pin is off the critical path', () => {
    /** Route 53's API unreachable: every apply fails after its own retries. */
    const route53Down = () => fails('AwsTransientException', 'connect ETIMEDOUT route53.amazonaws.com');

    it('Run_PinFailsWhilePromoting_SucceedsDegradedWithThePendingNotice', async () => {
      const world = recoveryWorld('Failover', {
        'DnsUpdater.apply': route53Down(),
        'HealthValidator.verify': verifyReport('Degraded'),
        'HealthValidator.pin': sequence(pinJudgement('Pending'), pinJudgement('Pending'), pinJudgement('Failed')),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.equal(result.output.actions.promotion.status, 'Completed');
      assert.equal(result.output.report.outcome, 'Degraded');
      assert.equal(result.output.report.pin.state, 'Pending');
      const [report] = world.notifications;
      assert.equal(report.stateName, 'NotifyReport');
      assert.match(report.message, /traffic held by health checks only; pin pending/);
      assertNotVisited(result.visited, ['FailoverFailed', 'NotifyFailure']);
    });

    it('Run_PinRetriedThenLands_SucceedsAndTellsQuietly', async () => {
      const world = recoveryWorld('Failover', {
        // One attempt = the call and its four transient retries; the second attempt lands.
        'DnsUpdater.apply': sequence(...Array(5).fill(route53Down()), dnsApplied('PENDING')),
        'HealthValidator.verify': verifyReport('Degraded'),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assertVisitedInOrder(result.visited, ['PinApply', 'PinCheck', 'PinProgress', 'WaitBeforePinRetry', 'PinApply', 'PinLanded']);
      assert.equal(result.output.pin.state, 'Landed');
      assert.equal(result.output.pin.attempts, 1);
      assert.equal(result.output.actions.dns.status, 'PENDING');
      assert.deepEqual(world.notifications.map((n) => [n.stateName, n.severity]), [['NotifyReport', 'high'], ['NotifyPinLanded', 'info']]);
      assert.deepEqual(topLevelPath(definition, result.visited).slice(-3), ['PinOutcome', 'NotifyPinLanded', 'Recovered']);
    });

    it('Run_PinJudgedRepeatedly_CarriesTheRetryWindowAndCountsAttempts', async () => {
      const world = recoveryWorld('Failover', {
        'DnsUpdater.apply': route53Down(),
        'HealthValidator.pin': sequence(pinJudgement('Pending'), pinJudgement('Pending'), pinJudgement('Failed')),
      });

      await run(world);

      const judged = world.calls.filter((c) => c.operation === 'pin').map((c) => c.input);
      assert.deepEqual(judged[0], {
        operation: 'pin',
        incidentId: 'dr-test-execution',
        desiredWeights: weights(0, 100),
        since: null,
        attempts: 0,
        error: 'AwsTransientException',
        cause: JSON.stringify({ errorType: 'AwsTransientException', errorMessage: 'connect ETIMEDOUT route53.amazonaws.com' }),
      });
      assert.deepEqual(judged.map((input) => [input.since, input.attempts]), [[null, 0], ['2026-11-26T00:00:00Z', 1], ['2026-11-26T00:00:00Z', 2]]);
    });

    it('Run_PinNeverLands_SucceedsAndSendsTheCriticalPinFailedNotice', async () => {
      const world = recoveryWorld('Failover', {
        'DnsUpdater.apply': route53Down(),
        'HealthValidator.verify': verifyReport('Degraded'),
        'HealthValidator.pin': sequence(pinJudgement('Pending'), pinJudgement('Failed')),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.equal(result.output.pin.state, 'Failed');
      assert.deepEqual(topLevelPath(definition, result.visited).slice(-3), ['PinOutcome', 'NotifyPinFailed', 'RecoveredPinFailed']);
      const failed = world.notifications.find((n) => n.stateName === 'NotifyPinFailed');
      assert.equal(failed.severity, 'critical');
      assert.equal(failed.subject, 'DrLambdas pin failed after Failover to ap-northeast-1: traffic held by health checks only');
      assert.match(failed.message, /held by the Route 53 health checks only/);
      assert.match(failed.message, /"weight":100/);
    });

    it('Run_PinStillRetrying_ReportAndRtoGoOutBeforeThePinEnds', async () => {
      const world = recoveryWorld('Failover', {
        'DnsUpdater.apply': route53Down(),
        'HealthValidator.verify': verifyReport('Degraded'),
        'HealthValidator.pin': sequence(...Array(4).fill(pinJudgement('Pending')), pinJudgement('Failed')),
      });

      // The pin's retry pause is real here (the others instant), so the pin is still retrying when the database is promoted.
      await run(world, ALARM_EVENT, { waitTimeOverrides: { ...instantWaits(definition), WaitBeforePinRetry: 20 } });

      assert.ok(world.log.indexOf('Verify') < world.log.lastIndexOf('PinCheck'), world.log.join());
      assert.ok(world.log.indexOf('NotifyReport') < world.log.lastIndexOf('PinApply'), world.log.join());
      assert.ok(world.log.indexOf('NotifyReport') < world.log.indexOf('NotifyPinFailed'), world.log.join());
    });

    it('Run_PinCheckItselfFails_ReportsThePinFailed', async () => {
      const world = recoveryWorld('Failover', {
        'DnsUpdater.apply': route53Down(),
        'HealthValidator.pin': fails('AwsServiceException', 'AccessDenied'),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.equal(result.output.pin.state, 'Failed');
      assert.match(result.output.pin.detail, /could not be judged \(AwsServiceException/);
      assert.ok(world.notifications.some((n) => n.stateName === 'NotifyPinFailed'));
    });

    it('Run_PinFailsAndPromotionFails_FailsNamingThePromotion', async () => {
      const world = recoveryWorld('Failover', { 'DnsUpdater.apply': route53Down(), 'AuroraPromoter.status': promotionStatus('Failed') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'PromotionFailed');
      assertNotVisited(result.visited, ['Verify', 'NotifyReport']);
    });

    it('Run_PinFailsAfterSwitchover_SucceedsDegradedAndRetriesThePin', async () => {
      const world = recoveryWorld('Switchover', {
        'DnsUpdater.apply': sequence(...Array(5).fill(route53Down()), dnsApplied('PENDING')),
        'HealthValidator.verify': verifyReport('Degraded'),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assertVisitedInOrder(result.visited, ['SwitchoverProgress', 'PinFirst', 'PinFirstFailed', 'ExecuteRecovery']);
      assertVisitedInOrder(result.visited, ['PinNeeded', 'PinCheck', 'WaitBeforePinRetry', 'PinApply', 'PinLanded']);
      assert.equal(result.output.pin.state, 'Landed');
      assert.equal(world.operations().filter((op) => op === 'AuroraPromoter.start').length, 1);
    });

    it('Run_DrainPinFails_SucceedsDegradedAndRetriesThePin', async () => {
      const world = recoveryWorld('DrainSecondary', {
        'HealthValidator.assess': assessment('DrainSecondary', { desired: weights(100, 0) }),
        'DnsUpdater.apply': route53Down(),
        'HealthValidator.verify': verifyReport('Degraded'),
        'HealthValidator.pin': pinJudgement('Failed'),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.equal(result.output.pin.state, 'Failed');
      assert.deepEqual(world.notifications.map((n) => [n.stateName, n.severity]), [['NotifyReport', 'high'], ['NotifyPinFailed', 'critical']]);
    });
  });

  describe('drain-first fencing when Route 53 does not see the failed Region down', () => {
    it('Run_FailoverDrainFirst_PinLandsBeforeThePromotionStarts', async () => {
      const world = recoveryWorld('Failover', { 'HealthValidator.assess': assessment('Failover', { drainFirst: true }) });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assertVisitedInOrder(topLevelPath(definition, result.visited), ['RouteDecision', 'PinOrder', 'PinFirst', ...RECOVERED_TAIL]);
      assert.ok(world.log.indexOf('PinFirst') < world.log.indexOf('PromoteStart'), world.log.join());
      assert.equal(world.operations().filter((op) => op === 'DnsUpdater.apply').length, 1);
    });

    it('Run_FailoverDrainFirstPinFails_FailsWithoutPromoting', async () => {
      const world = recoveryWorld('Failover', {
        'HealthValidator.assess': assessment('Failover', { drainFirst: true }),
        'DnsUpdater.apply': fails('AwsTransientException', 'connect ETIMEDOUT route53.amazonaws.com'),
      });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'AwsTransientException');
      assert.match(result.cause, /^Step PinFirst failed: /);
      assert.deepEqual(topLevelPath(definition, result.visited).slice(-6), ['PinFirst', 'PinFirstFailed', 'FencingFailed', 'NotifyFailure', 'DescribeFailure', 'FailoverFailed']);
      assert.ok(!world.operations().some((op) => op.startsWith('AuroraPromoter')), world.operations().join());
      assert.equal(world.notifications[0].subject, 'DrLambdas failover stopped at PinFirst: AwsTransientException');
    });
  });

  describe('errors', () => {
    it('Run_TransientErrorThenSuccess_RetriesAndCompletes', async () => {
      const world = recoveryWorld('Failover', {
        'AuroraPromoter.start': sequence(fails('AwsTransientException'), fails('Lambda.TooManyRequestsException'), promotionStarted('Failover')),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.equal(retries(result, 'PromoteStart'), 2);
      assert.equal(world.operations().filter((op) => op === 'AuroraPromoter.start').length, 3);
      assert.equal(result.output.actions.promotion.status, 'Completed');
      assert.deepEqual(world.notifications.map((n) => n.stateName), ['NotifyReport']);
    });

    for (const errorType of ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.Unknown']) {
      it(`Run_${errorType}Once_IsRetried`, async () => {
        const world = recoveryWorld('None', { 'HealthValidator.assess': sequence(fails(errorType), assessment('None')) });

        const result = await run(world);

        assert.equal(result.status, 'SUCCEEDED');
        assert.equal(retries(result, 'Validate'), 1);
      });
    }

    it('Run_TransientErrorPersists_GivesUpAfterFourRetriesAndNotifies', async () => {
      const world = recoveryWorld('Failover', { 'AuroraPromoter.status': fails('AwsTransientException', 'RDS throttled') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'AwsTransientException');
      assert.equal(retries(result, 'PromoteStatus'), 4);
      assert.equal(failureDocument(result).failedStep, 'PromoteStatus');
    });

    it('Run_PinTransientErrorPersists_RetriesFourTimesPerAttemptThenJudges', async () => {
      const world = recoveryWorld('Failover', {
        'DnsUpdater.apply': fails('AwsTransientException', 'Route 53 throttled'),
        'HealthValidator.pin': pinJudgement('Failed'),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.equal(retries(result, 'PinApply'), 4);
      assert.equal(world.calls.find((c) => c.operation === 'pin').input.error, 'AwsTransientException');
    });

    it('Run_PinConflictPersists_RetriesTwiceThenJudges', async () => {
      const world = recoveryWorld('Failover', {
        'DnsUpdater.apply': fails('ConflictException', 'record changed meanwhile'),
        'HealthValidator.pin': pinJudgement('Failed'),
      });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.equal(retries(result, 'PinApply'), 2);
      assert.equal(world.calls.find((c) => c.operation === 'pin').input.error, 'ConflictException');
    });

    it('Run_PermanentErrorInBranch_NotRetriedAndFailureNoticeNamesStepAndError', async () => {
      const world = recoveryWorld('Failover', {
        'AuroraPromoter.start': fails('AwsServiceException', 'InvalidGlobalClusterStateFault: not a member'),
        'DnsUpdater.status': dnsStatus('INSYNC'),
      });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'AwsServiceException');
      assert.equal(retries(result, 'PromoteStart'), 0);
      assertVisitedInOrder(result.visited, ['PromoteStart', 'PromoteStartFailed', 'DatabaseBranchFailed', 'RecordRecoveryFailure', 'NotifyFailure', 'FailoverFailed']);
      const document = failureDocument(result);
      assert.equal(document.failedStep, 'PromoteStart');
      assert.equal(document.error.Error, 'AwsServiceException');
      assert.equal(JSON.parse(document.error.Cause).errorMessage, 'InvalidGlobalClusterStateFault: not a member');
      const [notice] = world.notifications;
      assert.equal(notice.subject, 'DrLambdas failover stopped at PromoteStart: AwsServiceException');
      assert.equal(notice.severity, 'critical');
      assert.match(notice.message, /stopped at step PromoteStart with error AwsServiceException/);
      assert.match(notice.message, /test-execution/);
    });

    it('Run_ValidateRejectsInput_NotifiesFailureAtValidate', async () => {
      const world = recoveryWorld('None', { 'HealthValidator.assess': fails('InputValidationException', 'unknown mode "sideways"') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'InputValidationException');
      assert.deepEqual(result.visited, ['Initialize', 'Validate', 'ValidateFailed', 'NotifyFailure', 'DescribeFailure', 'FailoverFailed']);
      assert.equal(retries(result, 'Validate'), 0);
      assert.deepEqual(Object.keys(failureDocument(result)), ['trigger', 'execution', 'error', 'failedStep']);
      assert.equal(world.notifications[0].subject, 'DrLambdas failover stopped at Validate: InputValidationException');
    });

    it('Run_VerifyFails_NotifiesFailureAtVerifyAfterThePromotion', async () => {
      const world = recoveryWorld('Failover', { 'HealthValidator.verify': fails('AwsServiceException') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(failureDocument(result).failedStep, 'Verify');
      assertVisitedInOrder(result.visited, ['PromotionComplete', 'Verify', 'VerifyFailed', 'RecoveryBranchFailed', 'RecordRecoveryFailure', 'NotifyFailure']);
    });

    it('Run_NotificationFails_StillFailsWithTheOriginalError', async () => {
      const world = recoveryWorld('None', { 'SNS.publish': fails('SNS.ThrottledException') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'SNS.ThrottledException');
      assertVisitedInOrder(result.visited, ['NotifyNoAction', 'NotifyNoActionFailed', 'NotifyFailure', 'DescribeFailure', 'FailoverFailed']);
      assert.equal(failureDocument(result).failedStep, 'NotifyNoAction');
      assert.equal(retries(result, 'NotifyNoAction'), 3);
    });
  });

  describe('other outcomes', () => {
    it('Run_DryRunOfFailover_ReportsAndChangesNothing', async () => {
      const world = recoveryWorld('Failover', { 'HealthValidator.assess': assessment('Failover', { dryRun: true }) });

      const result = await run(world, { mode: 'dry-run', targetRegion: 'ap-northeast-1', reason: 'game day', force: false, requestedBy: 'alice' });

      assert.equal(result.status, 'SUCCEEDED');
      assert.deepEqual(result.visited, ['Initialize', 'Validate', 'ApprovalGate', 'RouteDecision', 'NotifyDryRun', 'DryRunComplete']);
      assert.deepEqual(world.operations(), ['HealthValidator.assess']);
      assert.equal(result.output.trigger.mode, 'dry-run');
    });

    it('Run_VerifyReportsDegraded_ReportsAndSucceeds', async () => {
      const world = recoveryWorld('Switchover', { 'HealthValidator.verify': verifyReport('Degraded') });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assertVisitedInOrder(result.visited, ['Verify', 'NotifyReport', 'ReportOutcome', 'Reported']);
      assert.equal(result.output.report.outcome, 'Degraded');
    });

    it('Run_VerifyReportsFailed_ReportsThenFailsWithRecoveryNotVerified', async () => {
      const world = recoveryWorld('Failover', { 'HealthValidator.verify': verifyReport('Failed') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'RecoveryNotVerified');
      assert.match(result.cause, /^Step Verify failed: .*target-writer/);
      assertVisitedInOrder(result.visited, ['Verify', 'NotifyReport', 'ReportOutcome', 'RecoveryNotVerified', 'NotifyFailure']);
      assert.deepEqual(world.notifications.map((n) => [n.stateName, n.severity]), [['NotifyReport', 'high'], ['NotifyFailure', 'critical']]);
    });

    it('Run_UnknownDecision_ChangesNothingAndNotifiesFailure', async () => {
      const world = recoveryWorld('None', { 'HealthValidator.assess': assessment('Reboot') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'UnknownDecision');
      assert.deepEqual(result.visited, ['Initialize', 'Validate', ...NO_APPROVAL, 'RouteDecision', 'UnknownDecision', 'NotifyFailure', 'DescribeFailure', 'FailoverFailed']);
      assert.deepEqual(world.operations(), ['HealthValidator.assess']);
      assert.equal(failureDocument(result).failedStep, 'RouteDecision');
    });
  });
});

