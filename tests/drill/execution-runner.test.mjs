import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TaskError } from '../../tools/drill/lib/errors.mjs';
import { parallelBranches, prepareMachine, runExecution, withExecutionStartTime } from '../../tools/drill/lib/execution-runner.mjs';

const WORKER = 'arn:aws:lambda:ap-northeast-1:111122223333:function:Worker';
const DEFINITION = {
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Parameters: { start: { 'at.$': '$$.Execution.StartTime', 'id.$': '$$.Execution.Id' } }, Next: 'Work' },
    Work: {
      Type: 'Task',
      Resource: WORKER,
      Retry: [{ ErrorEquals: ['Lambda.Unknown'], IntervalSeconds: 3, BackoffRate: 2, MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
      ResultPath: '$.work',
      Next: 'Pause',
    },
    Pause: { Type: 'Wait', Seconds: 3, Next: 'Done' },
    Done: { Type: 'Succeed' },
    Failed: { Type: 'Fail', Error: 'WorkFailed', Cause: 'the worker failed' },
  },
};
const STARTED_AT = Date.parse('2026-11-26T00:00:00.123Z');
const EXECUTION = {
  id: 'alarm', machine: 'failover', name: 'alarm-1', startedAt: STARTED_AT,
  executionArn: 'arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:alarm-1',
  stateMachineArn: 'arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover',
};

/** invokeTask answering from a script of outcomes, one per call, remembering the calls. */
function scripted(...outcomes) {
  const calls = [];
  const invokeTask = async (call) => {
    calls.push(call);
    const outcome = outcomes[Math.min(calls.length - 1, outcomes.length - 1)];
    return outcome instanceof TaskError ? { ok: false, target: 'Worker', error: outcome } : { ok: true, target: 'Worker', result: outcome };
  };
  return { invokeTask, calls };
}

function run(invokeTask, beforeTask = async () => ({})) {
  return runExecution({ prepared: prepareMachine(DEFINITION), execution: EXECUTION, input: { hello: 1 }, timeScale: 100, invokeTask, beforeTask, random: () => 1 });
}

describe('runExecution', () => {
  it('RunExecution_TaskSucceeds_RecordsStatesInvocationAndTheScaledWait', async () => {
    const { invokeTask, calls } = scripted({ done: true });

    const record = await run(invokeTask);

    assert.equal(record.status, 'SUCCEEDED');
    assert.deepEqual(record.visited, ['Init', 'Work', 'Pause', 'Done']);
    assert.deepEqual(record.output.work, { done: true });
    assert.equal(calls[0].resource, WORKER);
    assert.deepEqual(record.invocations.map((i) => [i.state, i.occurrence, i.attempt, i.ok]), [['Work', 1, 1, true]]);
    const wait = record.pauses.find((pause) => pause.kind === 'wait');
    assert.ok(wait.to - wait.from >= 25 && wait.to - wait.from < 1000, `the 3 s Wait lasted ${wait.to - wait.from} ms at time scale 100`);
  });

  it('RunExecution_ContextStartTime_IsTheRegisteredStartDate', async () => {
    const record = await run(scripted({}).invokeTask);

    assert.deepEqual(record.output.start, { at: '2026-11-26T00:00:00.123Z', id: EXECUTION.executionArn });
  });

  it('RunExecution_TransientErrorThenSuccess_RetriesAfterAScaledPause', async () => {
    const { invokeTask } = scripted(new TaskError('Lambda.Unknown', '{"errorType":"Runtime.ExitError"}'), { done: true });

    const record = await run(invokeTask);

    assert.equal(record.status, 'SUCCEEDED');
    assert.deepEqual(record.invocations.map((i) => [i.attempt, i.ok]), [[1, false], [2, true]]);
    assert.equal(record.first('Work').retries, 1);
    const retry = record.pauses.find((pause) => pause.kind === 'retry');
    assert.ok(retry.to - retry.from >= 25 && retry.to - retry.from < 1000, `the 3 s retry pause lasted ${retry.to - retry.from} ms`);
  });

  it('RunExecution_PermanentError_IsCaughtAndTheExecutionFailsWithTheFailStatesError', async () => {
    const { invokeTask } = scripted(new TaskError('InputValidationException', 'bad input'));

    const record = await run(invokeTask);

    assert.equal(record.status, 'FAILED');
    assert.equal(record.error, 'WorkFailed');
    assert.equal(record.cause, 'the worker failed');
    assert.equal(record.first('Work').outcome, 'caught');
    assert.deepEqual(record.visited, ['Init', 'Work', 'Failed']);
  });

  it('RunExecution_HookAsksForACrash_PassesCrashToTheInvocationWithItsAttempt', async () => {
    const { invokeTask, calls } = scripted({});
    const seen = [];

    const record = await run(invokeTask, async (at) => {
      seen.push(at);
      return { crash: true };
    });

    assert.deepEqual(seen, [{ task: 'Work', occurrence: 1, attempt: 1 }]);
    assert.equal(calls[0].crash, true);
    assert.equal(record.invocations[0].crashInjected, true);
  });

  it('RunExecution_SamePreparedMachineTwice_RunsTwoIndependentExecutions', async () => {
    const prepared = prepareMachine(DEFINITION);
    const runOnce = () => runExecution({ prepared, execution: EXECUTION, input: {}, timeScale: 100, invokeTask: scripted({ n: 1 }).invokeTask, beforeTask: async () => ({}) });

    const [first, second] = await Promise.all([runOnce(), runOnce()]);

    assert.deepEqual([first.status, second.status], ['SUCCEEDED', 'SUCCEEDED']);
    assert.deepEqual([first.invocations.length, second.invocations.length], [1, 1]);
  });

  it('WithExecutionStartTime_Call_RestoresDateAfterwards', () => {
    const inside = withExecutionStartTime(STARTED_AT, () => new Date().getTime());

    assert.equal(inside, STARTED_AT);
    assert.notEqual(new Date().getTime(), STARTED_AT);
    assert.equal(new Date(5).getTime(), 5);
  });

  it('ParallelBranches_Definition_ListsTheStatesOfEachBranch', () => {
    const definition = {
      StartAt: 'Both',
      States: { Both: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Succeed' } } }, { StartAt: 'B', States: { B: { Type: 'Pass', Next: 'C' }, C: { Type: 'Succeed' } } }], End: true } },
    };

    assert.deepEqual(parallelBranches(definition), { Both: [['A'], ['B', 'C']] });
  });
});
