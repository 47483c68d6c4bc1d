import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadDefinition, runStateMachine, taskHandlersByResource } from './support/local-sfn.mjs';
import {
  FAILBACK_PLAN,
  FakeFunctions,
  SUBSTITUTIONS,
  dnsApplied,
  dnsStatus,
  fails,
  gatePassed,
  promotionStarted,
  promotionStatus,
  recoveryCheck,
  sequence,
} from './support/fake-functions.mjs';
import { assertNotVisited, assertVisitedInOrder, inputOf, retries, topLevelPath } from './support/assertions.mjs';

const definition = loadDefinition(fileURLToPath(new URL('../../statemachine/failback.asl.json', import.meta.url)), SUBSTITUTIONS);

const MANUAL_FAILBACK = { mode: 'failback', targetRegion: 'ap-east-2', reason: 'primary repaired', force: false, requestedBy: 'alice' };

/** Responders for a failback that goes well: one unhealthy check, then three healthy ones. */
function failbackWorld(overrides = {}) {
  return new FakeFunctions({
    'HealthValidator.recovery': sequence(recoveryCheck(false), recoveryCheck(true)),
    'HealthValidator.gate': gatePassed(),
    'AuroraPromoter.start': promotionStarted('Switchover'),
    'AuroraPromoter.status': sequence(promotionStatus('InProgress'), promotionStatus('Completed')),
    'DnsUpdater.apply': dnsApplied('PENDING'),
    'DnsUpdater.status': dnsStatus('INSYNC'),
    ...overrides,
  });
}

async function run(world, input = MANUAL_FAILBACK) {
  return runStateMachine(definition, input, { taskHandlers: taskHandlersByResource(definition, world.invoke) });
}

function appliedWeights(world) {
  return world.calls.filter((c) => c.operation === 'apply').map((c) => c.input.desiredWeights.map((w) => w.weight));
}

describe('failback state machine', () => {
  describe('readiness', () => {
    it('Run_PrimaryHealthyForRequiredChecks_CarriesHistoryBetweenChecks', async () => {
      const world = failbackWorld();

      await run(world);

      const histories = world.calls.filter((c) => c.operation === 'recovery').map((c) => c.input.history.map((h) => h.healthy));
      assert.deepEqual(histories, [[], [false], [false, true], [false, true, true]]);
    });

    it('Run_PrimaryNeverReady_StopsAfterMaxChecksWithQuietNoticeAndNoChange', async () => {
      const world = failbackWorld({ 'HealthValidator.recovery': recoveryCheck(false) });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.equal(world.operations().filter((op) => op === 'HealthValidator.recovery').length, Number(SUBSTITUTIONS.FailbackMaxChecks));
      assert.deepEqual(world.operations().filter((op) => op !== 'HealthValidator.recovery'), []);
      assert.deepEqual(topLevelPath(definition, result.visited).slice(-3), ['PrimaryReady', 'NotifyNotReady', 'PrimaryNotReady']);
      assert.deepEqual(world.notifications.map((n) => [n.stateName, n.severity]), [['NotifyNotReady', 'info']]);
      assert.match(world.notifications[0].message, /reached 0 of 3 consecutive healthy checks/);
      assert.equal(result.output.readiness.checksLeft, 0);
      assert.equal(result.output.readiness.intervalSeconds, Number(SUBSTITUTIONS.FailbackCheckIntervalSeconds));
    });

    it('Run_ReadinessCheckFails_NotifiesFailureWithoutTouchingAnything', async () => {
      const world = failbackWorld({ 'HealthValidator.recovery': fails('AwsServiceException') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.deepEqual(result.visited, ['Initialize', 'CheckPrimaryHealth', 'CheckPrimaryHealthFailed', 'NotifyFailure', 'DescribeFailure', 'FailbackFailed']);
      assert.equal(world.notifications[0].subject, 'DrLambdas failback stopped at CheckPrimaryHealth: AwsServiceException');
    });
  });

  describe('success', () => {
    it('Run_PrimaryReady_SwitchesOverThenShiftsTrafficInGatedSteps', async () => {
      const world = failbackWorld();

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      const notReadyCheck = ['CheckPrimaryHealth', 'CountCheck', 'PrimaryReady', 'WaitBetweenChecks'];
      const gatedStep = [
        'MoreSteps', 'SelectStep', 'ApplyStepWeights', 'StepWeightsApplied', 'WaitForStepPropagation', 'StepDnsStatus', 'StepPropagation',
        'BakeStep', 'HealthGate', 'StepComplete',
      ];
      assert.deepEqual(topLevelPath(definition, result.visited), [
        'Initialize', ...notReadyCheck, ...notReadyCheck, ...notReadyCheck, 'CheckPrimaryHealth', 'CountCheck', 'PrimaryReady',
        'SwitchoverStart', 'SwitchoverStatus', 'SwitchoverProgress', 'WaitForSwitchover', 'SwitchoverStatus', 'SwitchoverProgress',
        'StartTrafficShift', ...gatedStep, ...gatedStep, ...gatedStep, 'MoreSteps', 'NotifyFailbackComplete', 'FailbackComplete',
      ]);
      assert.deepEqual(appliedWeights(world), [[10, 90], [30, 70], [70, 30]]);
      assert.deepEqual(world.notifications.map((n) => [n.stateName, n.severity]), [['NotifyFailbackComplete', 'high']]);
    });

    it('Run_PrimaryReady_SwitchoverTargetsOriginalPrimaryWithoutDataLoss', async () => {
      const world = failbackWorld();

      await run(world);

      assert.deepEqual(world.calls.find((c) => c.operation === 'start').input, {
        operation: 'start',
        incidentId: 'dr-test-execution',
        action: 'Switchover',
        targetRegion: SUBSTITUTIONS.PrimaryRegion,
        targetClusterArn: SUBSTITUTIONS.PrimaryClusterArn,
        allowDataLoss: false,
      });
    });

    it('Run_EveryStep_GatesTheOriginalPrimaryAfterTheWeightsAreInSync', async () => {
      const world = failbackWorld();

      await run(world);

      const stepOperations = world.operations().filter((op) => op.startsWith('DnsUpdater') || op === 'HealthValidator.gate');
      assert.deepEqual(stepOperations, [
        'DnsUpdater.apply', 'DnsUpdater.status', 'HealthValidator.gate',
        'DnsUpdater.apply', 'DnsUpdater.status', 'HealthValidator.gate',
        'DnsUpdater.apply', 'DnsUpdater.status', 'HealthValidator.gate',
      ]);
      for (const gate of world.calls.filter((c) => c.operation === 'gate')) {
        assert.deepEqual(gate.input, { operation: 'gate', region: SUBSTITUTIONS.PrimaryRegion, incidentId: 'dr-test-execution' });
      }
    });

    it('Run_PrimaryReady_FinalDocumentHoldsSwitchoverAndLastStep', async () => {
      const world = failbackWorld();

      const result = await run(world);

      assert.deepEqual(Object.keys(result.output), ['trigger', 'execution', 'readiness', 'recovery', 'actions', 'shift', 'step']);
      assert.deepEqual(result.output.trigger, MANUAL_FAILBACK);
      assert.equal(result.output.recovery.ready, true);
      assert.equal(result.output.actions.promotion.status, 'Completed');
      assert.equal(result.output.actions.dns.status, 'INSYNC');
      assert.deepEqual(result.output.shift, { index: 3, count: 3 });
      assert.deepEqual(result.output.step, { index: 2, plan: FAILBACK_PLAN.steps[2], gate: gatePassed() });
    });

    it('Run_PlanWithoutSteps_SwitchesOverAndCompletesWithoutDnsChanges', async () => {
      const emptyPlan = (input) => ({ ...recoveryCheck(true, { required: 1 })(input), plan: { steps: [], rollbackWeights: FAILBACK_PLAN.rollbackWeights } });
      const world = failbackWorld({ 'HealthValidator.recovery': emptyPlan });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.deepEqual(appliedWeights(world), []);
      assertVisitedInOrder(result.visited, ['SwitchoverProgress', 'StartTrafficShift', 'MoreSteps', 'NotifyFailbackComplete', 'FailbackComplete']);
    });

    it('Run_TransientGateError_IsRetriedWithoutRollback', async () => {
      const world = failbackWorld({ 'HealthValidator.gate': sequence(fails('AwsTransientException'), gatePassed()) });

      const result = await run(world);

      assert.equal(result.status, 'SUCCEEDED');
      assert.equal(retries(result, 'HealthGate'), 1);
      assertNotVisited(result.visited, ['RollbackWeights']);
    });
  });

  describe('rollback', () => {
    it('Run_GateSeesRegressionAtSecondStep_RollsWeightsBackAndNotifies', async () => {
      const world = failbackWorld({
        'HealthValidator.gate': sequence(gatePassed(), fails('HealthGateFailedException', 'primary probe 503 at 30/70')),
      });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'HealthGateFailedException');
      assert.equal(retries(result, 'HealthGate'), 0);
      assertVisitedInOrder(result.visited, [
        'HealthGate', 'HealthGateFailed', 'RollbackWeights', 'NotifyRollback', 'DescribeRollback', 'FailbackRolledBack',
      ]);
      assertNotVisited(result.visited, ['NotifyFailbackComplete']);
      assert.deepEqual(appliedWeights(world), [[10, 90], [30, 70], [0, 100]]);
      const document = inputOf(result, 'NotifyRollback');
      assert.equal(document.failedStep, 'HealthGate');
      assert.equal(document.error.Error, 'HealthGateFailedException');
      assert.equal(JSON.parse(document.error.Cause).errorMessage, 'primary probe 503 at 30/70');
      assert.deepEqual(document.step, { index: 1, plan: FAILBACK_PLAN.steps[1] });
      assert.equal(document.actions.dns.status, 'PENDING');
      const [notice] = world.notifications;
      assert.equal(notice.subject, 'DrLambdas failback rolled back after HealthGate: HealthGateFailedException');
      assert.equal(notice.severity, 'critical');
      assert.match(notice.message, /"weight":30/);
      assert.match(result.cause, /^Step HealthGate failed: /);
    });

    it('Run_DnsErrorDuringFirstStep_RollsBack', async () => {
      const world = failbackWorld({ 'DnsUpdater.apply': sequence(fails('AwsServiceException', 'InvalidChangeBatch'), dnsApplied('PENDING')) });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'AwsServiceException');
      assert.equal(inputOf(result, 'NotifyRollback').failedStep, 'ApplyStepWeights');
      assert.equal(inputOf(result, 'NotifyRollback').step.index, 0);
      assert.deepEqual(world.calls.filter((c) => c.operation === 'apply').at(-1).input.desiredWeights, FAILBACK_PLAN.rollbackWeights);
    });

    it('Run_StepPropagationTimesOut_RollsBack', async () => {
      const world = failbackWorld({ 'DnsUpdater.status': dnsStatus('PENDING', { timedOut: true }) });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'PropagationTimedOut');
      assertVisitedInOrder(result.visited, ['StepPropagation', 'StepPropagationTimedOut', 'StepDnsStatusFailed', 'RollbackWeights', 'NotifyRollback']);
      assert.equal(inputOf(result, 'NotifyRollback').failedStep, 'StepDnsStatus');
      assertNotVisited(result.visited, ['HealthGate']);
    });

    it('Run_RollbackItselfFails_SendsManualActionNotice', async () => {
      const world = failbackWorld({
        'HealthValidator.gate': fails('HealthGateFailedException'),
        'DnsUpdater.apply': sequence(dnsApplied('PENDING'), fails('AwsServiceException', 'AccessDenied')),
      });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'AwsServiceException');
      assertVisitedInOrder(result.visited, ['RollbackWeights', 'NotifyRollbackFailed', 'DescribeRollbackFailure', 'RollbackFailed']);
      assertNotVisited(result.visited, ['NotifyRollback']);
      assert.deepEqual(world.notifications.map((n) => [n.stateName, n.severity, n.subject]), [
        ['NotifyRollbackFailed', 'critical', 'DrLambdas failback: ROLLBACK FAILED, set the DNS weights by hand'],
      ]);
      assert.match(world.notifications[0].message, /rolling the weights back to .* failed with AwsServiceException/);
    });
  });

  describe('switchover', () => {
    it('Run_SwitchoverTimesOut_NotifiesFailureAndMovesNoTraffic', async () => {
      const world = failbackWorld({
        'AuroraPromoter.status': promotionStatus('InProgress', { timedOut: true, targetClusterArn: SUBSTITUTIONS.PrimaryClusterArn }),
      });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'SwitchoverTimedOut');
      assertVisitedInOrder(result.visited, ['SwitchoverProgress', 'SwitchoverTimedOut', 'SwitchoverStatusFailed', 'NotifyFailure', 'FailbackFailed']);
      assert.ok(!world.operations().some((op) => op.startsWith('DnsUpdater')), world.operations().join());
      const document = inputOf(result, 'NotifyFailure');
      assert.equal(document.failedStep, 'SwitchoverStatus');
      assert.match(document.error.Cause, /"timedOut":true/);
    });

    it('Run_SwitchoverReportsFailed_NotifiesFailureAndMovesNoTraffic', async () => {
      const world = failbackWorld({ 'AuroraPromoter.status': promotionStatus('Failed') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'SwitchoverFailed');
      assert.deepEqual(appliedWeights(world), []);
    });

    it('Run_SwitchoverEndsWithoutPromoting_FailsWithSwitchoverFailedAndMovesNoTraffic', async () => {
      const world = failbackWorld({ 'AuroraPromoter.status': promotionStatus('NotPromoted') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(result.error, 'SwitchoverFailed');
      assert.equal(world.operations().filter((op) => op === 'AuroraPromoter.status').length, 1);
      assert.deepEqual(appliedWeights(world), []);
    });

    it('Run_SwitchoverStartRejected_NotifiesFailureNamingStep', async () => {
      const world = failbackWorld({ 'AuroraPromoter.start': fails('AwsServiceException', 'old primary not synchronised') });

      const result = await run(world);

      assert.equal(result.status, 'FAILED');
      assert.equal(inputOf(result, 'NotifyFailure').failedStep, 'SwitchoverStart');
      assert.equal(world.notifications[0].subject, 'DrLambdas failback stopped at SwitchoverStart: AwsServiceException');
    });
  });
});
