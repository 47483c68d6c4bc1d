// The failover machine's approval gate (RequireApproval, ApprovalTimeoutSeconds): which decisions wait, what an
// approval, a rejection and a timeout lead to, and that the token parameter is closed in every case.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { executionContext, loadDefinition, runStateMachine, taskHandlersByResource } from './support/local-sfn.mjs';
import {
  FakeFunctions, LambdaError, SUBSTITUTIONS, assessment, dnsApplied, dnsStatus, pinJudgement, promotionStarted, promotionStatus, sequence, verifyReport,
} from './support/fake-functions.mjs';
import { assertNotVisited, assertVisitedInOrder } from './support/assertions.mjs';

const FILE = fileURLToPath(new URL('../../statemachine/failover.asl.json', import.meta.url));
const CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const APPROVER = 'arn:aws:sts::111122223333:assumed-role/drlambdas-operator/alice';
const ALARM_EVENT = { source: 'aws.cloudwatch', 'detail-type': 'CloudWatch Alarm State Change', detail: { alarmName: 'tpe-health', state: { value: 'ALARM' } } };

const machine = (policy) => loadDefinition(FILE, { ...SUBSTITUTIONS, RequireApproval: policy });

/** The world: the first assessment decides `first`, a re-assessment `again`; recovery steps succeed. */
function world(first, again = 'Failover') {
  return new FakeFunctions({
    'HealthValidator.assess': sequence(assessment(first), assessment(again)),
    'HealthValidator.approval-close': { parameterName: '/drlambdas/dr/approvals/test-execution', deleted: true },
    'HealthValidator.verify': verifyReport('Recovered'),
    'AuroraPromoter.start': promotionStarted('Failover'),
    'AuroraPromoter.status': sequence(promotionStatus('InProgress'), promotionStatus('Completed')),
    'DnsUpdater.apply': dnsApplied('PENDING'),
    'DnsUpdater.status': sequence(dnsStatus('PENDING'), dnsStatus('INSYNC')),
    'HealthValidator.pin': pinJudgement('Pending'),
  });
}

/** Runs with the callback Task answered by `answer(payload)` (its result, or a thrown error). */
async function run(policy, fake, answer) {
  const definition = machine(policy);
  const requests = [];
  const invoke = (call) => {
    if (call.resource !== CALLBACK) return fake.invoke(call);
    requests.push(structuredClone(call.input));
    return answer(call.input.Payload);
  };
  // Step Functions gives each Task attempt its token in the Context Object.
  const context = { ...executionContext('test-execution'), Task: { Token: 'AQCEAAAAKgAAAAMAAAAAAAAAAf-token' } };
  const result = await runStateMachine(definition, ALARM_EVENT, { taskHandlers: taskHandlersByResource(definition, invoke), context });
  return { result, requests };
}

const approve = () => ({ approvedBy: APPROVER, reason: 'data loss accepted', approvedAt: '2026-11-26T00:05:00Z' });
const reject = () => {
  throw new LambdaError('ApprovalRejected', JSON.stringify({ rejectedBy: APPROVER, reason: 'not now' }));
};
const timeout = () => {
  const error = new Error('The task token was not returned in time.');
  error.name = 'States.Timeout';
  throw error;
};

describe('approval gate', () => {
  it('Run_EscalationsPolicyEscalate_RequestsApprovalWithTheTokenAndNamesTheCommands', async () => {
    const fake = world('Escalate');

    const { requests } = await run('escalations', fake, approve);

    const payload = requests[0].Payload;
    assert.equal(requests[0].FunctionName, SUBSTITUTIONS.HealthValidatorFunctionArn);
    assert.deepEqual([payload.operation, payload.decision, payload.timeoutSeconds, payload.reasons[0].message], ['approval-request', 'Escalate', 900, 'decided Escalate']);
    assert.equal(typeof payload.taskToken, 'string');
    const notice = fake.notifications.find((n) => n.stateName === 'NotifyApprovalRequested');
    assert.equal(notice.severity, 'critical');
    assert.match(notice.message, /drctl approve test-execution --reason/);
    assert.match(notice.message, /drctl reject test-execution --reason/);
    assert.ok(!notice.message.includes(payload.taskToken), 'the notice never carries the token');
  });

  it('Run_EscalationApproved_ReassessesWithTheApproversForcedFailoverThenRecovers', async () => {
    const fake = world('Escalate', 'Failover');

    const { result } = await run('escalations', fake, approve);

    assert.equal(result.status, 'SUCCEEDED');
    assertVisitedInOrder(result.visited, ['AwaitApproval', 'CloseApproval', 'ApprovedIntent', 'ForcedIntent', 'RevalidateForced', 'RouteDecision', 'ExecuteRecovery', 'Verify']);
    const reassess = fake.calls.filter((call) => call.operation === 'assess')[1];
    assert.deepEqual(reassess.input.trigger, { mode: 'failover', force: true, reason: 'data loss accepted', requestedBy: APPROVER });
    assert.deepEqual(result.output.approvalGate.approval, approve());
    assert.equal(result.output.assessment.decision.action, 'Failover');
    assert.equal(fake.operations().filter((op) => op === 'HealthValidator.approval-close').length, 1);
  });

  it('Run_ApprovedButTheWorldChanged_TakesTheReassessedDecision', async () => {
    const fake = world('Escalate', 'None');

    const { result } = await run('escalations', fake, approve);

    assertVisitedInOrder(result.visited, ['RevalidateForced', 'RouteDecision', 'NotifyNoAction']);
    assertNotVisited(result.visited, ['ExecuteRecovery']);
  });

  it('Run_EscalationRejected_NoticeAndNoActionTokenClosed', async () => {
    const fake = world('Escalate');

    const { result } = await run('escalations', fake, reject);

    assert.equal(result.status, 'SUCCEEDED');
    assertVisitedInOrder(result.visited, ['AwaitApproval', 'CloseApprovalNotApproved', 'NotifyNotApproved', 'NotApproved']);
    assertNotVisited(result.visited, ['RevalidateForced', 'ExecuteRecovery', 'NotifyFailure']);
    assert.deepEqual(fake.operations(), ['HealthValidator.assess', 'HealthValidator.approval-close']);
    const notice = fake.notifications.find((n) => n.stateName === 'NotifyNotApproved');
    assert.match(notice.message, /not approved \(ApprovalRejected: .*not now/);
  });

  it('Run_ApprovalTimesOut_NoticeAndNoActionTokenClosed', async () => {
    const fake = world('Escalate');

    const { result } = await run('escalations', fake, timeout);

    assertVisitedInOrder(result.visited, ['AwaitApproval', 'CloseApprovalNotApproved', 'NotifyNotApproved', 'NotApproved']);
    assert.deepEqual(fake.operations(), ['HealthValidator.assess', 'HealthValidator.approval-close']);
    assert.match(fake.notifications.find((n) => n.stateName === 'NotifyNotApproved').message, /States\.Timeout/);
  });

  it('Run_ApprovalRequestFails_TokenClosedAndFailureNotified', async () => {
    const fake = world('Escalate');

    const { result } = await run('escalations', fake, () => {
      throw new LambdaError('ConfigurationException', 'no prefix');
    });

    assertVisitedInOrder(result.visited, ['AwaitApproval', 'AwaitApprovalFailed', 'CloseApprovalAfterFailure', 'NotifyFailure']);
    assert.equal(result.status, 'FAILED');
    assert.ok(fake.operations().includes('HealthValidator.approval-close'));
  });

  for (const [policy, action, waits] of [
    ['never', 'Escalate', false],
    ['escalations', 'Failover', false],
    ['data-loss', 'Failover', true],
    ['data-loss', 'Switchover', false],
    ['always', 'Switchover', true],
    ['always', 'None', false],
  ]) {
    it(`Run_Policy${policy}Decision${action}_${waits ? 'Waits' : 'DoesNotWait'}`, async () => {
      const fake = world(action, action);

      const { requests } = await run(policy, fake, approve);

      assert.equal(requests.length, waits ? 1 : 0);
    });
  }

  it('Run_DryRunUnderAlways_NeverWaits', async () => {
    const fake = new FakeFunctions({ 'HealthValidator.assess': assessment('Failover', { dryRun: true }) });

    const { result, requests } = await run('always', fake, approve);

    assert.equal(requests.length, 0);
    assertVisitedInOrder(result.visited, ['ApprovalGate', 'RouteDecision', 'NotifyDryRun']);
  });
});
