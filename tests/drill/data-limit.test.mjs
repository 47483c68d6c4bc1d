// Step Functions' 256 KiB state-data quota in the drill's execution runner: States.DataLimitExceeded is terminal,
// a Catch of States.ALL does not catch it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STATE_DATA_LIMIT_BYTES, dataLimitFailure, payloadBytes, prepareMachine, runExecution } from '../../tools/drill/lib/execution-runner.mjs';

const WORKER = 'arn:aws:lambda:ap-northeast-1:111122223333:function:Worker';
const EXECUTION = {
  id: 'x', machine: 'failover', name: 'x-1', startedAt: Date.now(),
  executionArn: 'arn:aws:states:ap-northeast-1:111122223333:execution:m:x-1',
  stateMachineArn: 'arn:aws:states:ap-northeast-1:111122223333:stateMachine:m',
};

function machine(first) {
  return prepareMachine({
    StartAt: 'Work',
    States: {
      Work: { ...first, Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Caught' }], Next: 'Done' },
      Caught: { Type: 'Pass', Next: 'Done' },
      Done: { Type: 'Succeed' },
    },
  });
}

function run(prepared, result, input = {}) {
  const calls = [];
  const invokeTask = async (call) => {
    calls.push(call);
    return { ok: true, target: 'Worker', result };
  };
  return runExecution({ prepared, execution: EXECUTION, input, timeScale: 100, invokeTask, beforeTask: async () => ({}) }).then((record) => ({ record, calls }));
}

/** A JSON string value whose document is exactly `bytes` long as UTF-8 (with a multi-byte character). */
function payloadOf(bytes) {
  const wrapper = payloadBytes({ data: '' });
  return { data: 'é'.repeat(Math.floor((bytes - wrapper) / 2)) + 'a'.repeat((bytes - wrapper) % 2) };
}

describe('state data limit', () => {
  it('PayloadBytes_CountsUtf8OfTheJson', () => {
    assert.equal(payloadBytes({ a: 'é' }), 10);
    assert.equal(payloadBytes(payloadOf(STATE_DATA_LIMIT_BYTES)), STATE_DATA_LIMIT_BYTES);
  });

  it('DataLimitFailure_AtTheLimit_IsNoFailureOneByteMoreIs', () => {
    assert.equal(dataLimitFailure('S', 'output', payloadOf(STATE_DATA_LIMIT_BYTES)), undefined);
    assert.equal(dataLimitFailure('S', 'output', payloadOf(STATE_DATA_LIMIT_BYTES + 1)).error, 'States.DataLimitExceeded');
  });

  it('RunExecution_TaskResultOverTheLimit_FailsWithDataLimitExceededDespiteCatchAll', async () => {
    const { record } = await run(machine({ Type: 'Task', Resource: WORKER, ResultPath: '$.work' }), payloadOf(STATE_DATA_LIMIT_BYTES + 1));

    assert.equal(record.status, 'FAILED');
    assert.equal(record.error, 'States.DataLimitExceeded');
    assert.match(record.cause, /'Work'/);
    assert.equal(record.visited.includes('Caught'), false);
  });

  it('RunExecution_PassOutputOverTheLimit_FailsBeforeTheNextTask', async () => {
    const prepared = prepareMachine({
      StartAt: 'Grow',
      States: {
        Grow: { Type: 'Pass', Result: payloadOf(STATE_DATA_LIMIT_BYTES + 10), Next: 'Work' },
        Work: { Type: 'Task', Resource: WORKER, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }], Next: 'Done' },
        Done: { Type: 'Succeed' },
      },
    });

    const { record, calls } = await run(prepared, { ok: 1 });

    assert.equal(record.error, 'States.DataLimitExceeded');
    assert.equal(calls.length, 0, 'the Task after the oversized state is never invoked');
  });

  it('RunExecution_ResultWithinTheLimit_Succeeds', async () => {
    const { record } = await run(machine({ Type: 'Task', Resource: WORKER, ResultPath: '$.work' }), payloadOf(STATE_DATA_LIMIT_BYTES - 1000));

    assert.equal(record.status, 'SUCCEEDED');
  });
});
