import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { historyEvents } from '../../tools/drill/lib/execution-history.mjs';
import { prepareMachine, runExecution } from '../../tools/drill/lib/execution-runner.mjs';
import { TaskTokens, mintTaskToken } from '../../tools/drill/lib/task-tokens.mjs';

const APPROVER = 'arn:aws:lambda:ap-northeast-1:111122223333:function:Approver';
const definition = (parameters = { FunctionName: APPROVER, Payload: { operation: 'approval-request', 'taskToken.$': '$$.Task.Token' } }) => ({
  StartAt: 'AwaitApproval',
  States: {
    AwaitApproval: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: parameters,
      TimeoutSeconds: 5,
      ResultPath: '$.approval',
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'NotApproved' }],
      Next: 'Approved',
    },
    Approved: { Type: 'Succeed' },
    NotApproved: { Type: 'Succeed' },
  },
});
const EXECUTION = {
  id: 'alarm', machine: 'failover', name: 'alarm-1', startedAt: Date.parse('2026-11-26T00:00:00Z'),
  executionArn: 'arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:alarm-1',
  stateMachineArn: 'arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover',
};

/** Callbacks answering `outcome` once a token is registered, remembering what was registered. */
function callbacksAnswering(outcome) {
  const registered = [];
  return {
    registered,
    register: async (token, executionArn, stateName) => { registered.push({ token, executionArn, stateName }); },
    waitFor: async (token, timeoutMs) => ({ timeoutMs, ...outcome }),
  };
}

async function run(callbacks, parameters) {
  const invoked = [];
  const invokeTask = async (call) => {
    invoked.push(call);
    return { ok: true, target: 'Approver', result: { ExecutedVersion: '$LATEST', Payload: { requested: true }, StatusCode: 200 } };
  };
  const record = await runExecution({ prepared: prepareMachine(definition(parameters)), execution: EXECUTION, input: {}, timeScale: 30, invokeTask, beforeTask: async () => ({}), callbacks });
  return { record, invoked };
}

describe('waitForTaskToken', () => {
  it('MintTaskToken_Always_HasTheLabsTokenShape', () => {
    const bytes = Buffer.from(mintTaskToken(), 'base64');

    assert.equal(bytes.length, 96);
    assert.equal(bytes.subarray(0, 8).toString('ascii'), 'DRLAB-TT');
  });

  it('TaskTokensClaim_InputCarriesAMintedToken_ReturnsItOnce', () => {
    const tokens = new TaskTokens();
    const token = tokens.contextTask().Token;

    assert.equal(tokens.claim({ Payload: { taskToken: token } }), token);
    assert.equal(tokens.claim({ Payload: { taskToken: token } }), undefined);
  });

  it('RunExecution_SendTaskSuccess_TheOutputIsTheTasksResult', async () => {
    const callbacks = callbacksAnswering({ status: 'Succeeded', output: '{"approvedBy":"arn:aws:sts::111122223333:assumed-role/ops/alice"}' });

    const { record, invoked } = await run(callbacks);

    assert.equal(callbacks.registered.length, 1);
    assert.equal(invoked[0].input.Payload.taskToken, callbacks.registered[0].token);
    assert.equal(callbacks.registered[0].executionArn, EXECUTION.executionArn);
    assert.deepEqual(record.output.approval, { approvedBy: 'arn:aws:sts::111122223333:assumed-role/ops/alice' });
    assert.deepEqual(record.visited, ['AwaitApproval', 'Approved']);
  });

  it('RunExecution_SendTaskFailure_TheTaskFailsWithItsErrorAndCause', async () => {
    const { record } = await run(callbacksAnswering({ status: 'Failed', error: 'ApprovalRejected', cause: 'not now' }));

    assert.deepEqual(record.output.error, { Error: 'ApprovalRejected', Cause: 'not now' });
    assert.deepEqual(record.visited, ['AwaitApproval', 'NotApproved']);
  });

  it('RunExecution_TokenNeverReturned_TimesOutAfterTimeoutSeconds', async () => {
    const callbacks = callbacksAnswering({ status: 'TimedOut' });

    const { record } = await run(callbacks);

    assert.equal(record.output.error.Error, 'States.Timeout');
  });

  it('RunExecution_ParametersWithoutTheToken_FailsWithoutRegistering', async () => {
    const callbacks = callbacksAnswering({ status: 'Succeeded', output: '{}' });

    const { record, invoked } = await run(callbacks, { FunctionName: APPROVER, Payload: { operation: 'approval-request' } });

    assert.equal(callbacks.registered.length, 0);
    assert.equal(invoked.length, 0);
    assert.equal(record.output.error.Error, 'States.Runtime');
  });

  it('HistoryEvents_CallbackTask_ListsTaskSubmittedBeforeTaskSucceeded', async () => {
    const { record } = await run(callbacksAnswering({ status: 'Succeeded', output: '{}' }));

    const types = historyEvents(record).map((event) => event.type);

    assert.deepEqual(types.slice(types.indexOf('TaskScheduled'), types.indexOf('TaskSucceeded') + 1), ['TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded']);
  });
});
