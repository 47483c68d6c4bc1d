import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TaskError } from '../../tools/drill/lib/errors.mjs';
import { historyEvents } from '../../tools/drill/lib/execution-history.mjs';
import { ExecutionRecord } from '../../tools/drill/lib/execution-record.mjs';
import { finishDocument } from '../../tools/drill/lib/execution-registry.mjs';
import { prepareMachine, runExecution } from '../../tools/drill/lib/execution-runner.mjs';

const PROMOTER = 'arn:aws:lambda:ap-northeast-1:111122223333:function:AuroraPromoter';
const ARN = 'arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:alarm-1';
const T = Date.parse('2026-11-26T00:00:00.000Z');
const EXECUTION = {
  id: 'alarm', machine: 'failover', name: 'alarm-1', startedAt: T, executionArn: ARN,
  stateMachineArn: 'arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover',
};
const DEFINITION = {
  StartAt: 'PromoteStart',
  States: {
    PromoteStart: { Type: 'Task', Resource: PROMOTER, Parameters: { operation: 'start' }, ResultPath: '$.promotion', Next: 'PromoteStatus' },
    PromoteStatus: {
      Type: 'Task',
      Resource: PROMOTER,
      Parameters: { operation: 'status' },
      ResultPath: '$.promotion',
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'PromotionFailed' }],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
    PromotionFailed: { Type: 'Fail', Error: 'PromotionFailed', Cause: 'the promotion failed' },
  },
};

/** Runs DEFINITION with invokeTask answering `outcomes` in turn (a TaskError fails the call). */
function run(...outcomes) {
  let calls = 0;
  const invokeTask = async () => {
    const outcome = outcomes[calls++];
    return outcome instanceof TaskError ? { ok: false, target: 'AuroraPromoter', error: outcome } : { ok: true, target: 'AuroraPromoter', result: outcome };
  };
  return runExecution({ prepared: prepareMachine(DEFINITION), execution: EXECUTION, input: { mode: 'failover' }, timeScale: 100, invokeTask, beforeTask: async () => ({}) });
}

const types = (events) => events.map((event) => event.type);

/** A record fed by hand: `states` are [name, type, enteredMs, exitedMs, output?] relative to T. */
function handRecord(states, { branches, invocations = [], outcome = { status: 'SUCCEEDED', output: {} }, stoppedAt } = {}) {
  const record = new ExecutionRecord({ ...EXECUTION, input: {} });
  record.branches = branches;
  const events = [];
  for (const [name, type, entered, exited, output] of states) {
    events.push({ type: 'StateEntered', timestamp: T + entered, state: { name, type, input: {} } });
    if (exited !== undefined) events.push({ type: 'StateExited', timestamp: T + exited, state: { name, type, input: {}, output } });
  }
  // The interpreter reports events in the order they happen.
  for (const event of events.map((e, i) => [e, i]).sort((a, b) => a[0].timestamp - b[0].timestamp || a[1] - b[1]).map(([e]) => e)) record.onEvent(event);
  for (const invocation of invocations) record.onInvocation(invocation);
  record.finish(outcome, T + stoppedAt);
  return record;
}

describe('historyEvents', () => {
  it('HistoryEvents_SucceededRun_StartsEntersInvokesExitsAndSucceedsInOrder', async () => {
    const record = await run({ targetClusterArn: 'c', outcome: 'Started' }, { targetClusterArn: 'c', status: 'Completed', promoted: true });

    const events = historyEvents(record);

    assert.deepEqual(types(events), [
      'ExecutionStarted',
      'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited',
      'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited',
      'SucceedStateEntered', 'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    assert.deepEqual(events.map((event) => [event.id, event.previousEventId]), events.map((_, i) => [i + 1, i]));
  });

  it('HistoryEvents_TaskStates_CarryNameInputOutputAndTheFunctionsOutput', async () => {
    const record = await run({ targetClusterArn: 'c', outcome: 'Started' }, { targetClusterArn: 'c', status: 'Completed', promoted: true });

    const events = historyEvents(record);

    assert.deepEqual(events[0].executionStartedEventDetails, { input: '{"mode":"failover"}', inputDetails: { truncated: false } });
    assert.deepEqual(events[1].stateEnteredEventDetails, { name: 'PromoteStart', input: '{"mode":"failover"}', inputDetails: { truncated: false } });
    assert.deepEqual(events[2].lambdaFunctionScheduledEventDetails, { resource: PROMOTER, input: '{"operation":"start"}', inputDetails: { truncated: false } });
    assert.deepEqual(JSON.parse(events[9].lambdaFunctionSucceededEventDetails.output), { targetClusterArn: 'c', status: 'Completed', promoted: true });
    assert.equal(events[10].stateExitedEventDetails.name, 'PromoteStatus');
    assert.deepEqual(JSON.parse(events[10].stateExitedEventDetails.output).promotion, { targetClusterArn: 'c', status: 'Completed', promoted: true });
  });

  it('HistoryEvents_Timestamps_AreEpochSecondsNeverGoingBack', async () => {
    const record = await run({ outcome: 'Started' }, { status: 'Completed' });

    const stamps = historyEvents(record).map((event) => event.timestamp);

    assert.equal(stamps[0], T / 1000);
    assert.ok(stamps.every((stamp, i) => i === 0 || stamp >= stamps[i - 1]), `timestamps ${stamps}`);
  });

  it('HistoryEvents_CaughtFailureThenFailState_FailedFunctionExitedTaskAndExecutionFailed', async () => {
    const record = await run({ targetClusterArn: 'c', outcome: 'Started' }, new TaskError('PromotionError', 'cluster gone'));

    const events = historyEvents(record);

    assert.deepEqual(types(events).slice(6), [
      'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'TaskStateExited',
      'FailStateEntered', 'ExecutionFailed',
    ]);
    assert.deepEqual(events[9].lambdaFunctionFailedEventDetails, { error: 'PromotionError', cause: 'cluster gone' });
    assert.deepEqual(JSON.parse(events[10].stateExitedEventDetails.output).error, { Error: 'PromotionError', Cause: 'cluster gone' });
    assert.deepEqual(events.at(-1).executionFailedEventDetails, { error: 'PromotionFailed', cause: 'the promotion failed' });
  });

  it('HistoryEvents_SnsPublish_IsATaskWithResourceTypeSnsInTheExecutionsRegion', () => {
    const record = handRecord([['Notify', 'Task', 10, 30, { MessageId: 'm' }]], {
      invocations: [{ state: 'Notify', target: 'SNS', resource: 'arn:aws:states:::sns:publish', input: { Message: 'hi' }, from: T + 12, to: T + 28, ok: true, result: { MessageId: 'm' } }],
      stoppedAt: 30,
    });

    const [, , scheduled, started, succeeded] = historyEvents(record);

    assert.deepEqual(scheduled.taskScheduledEventDetails, { resourceType: 'sns', resource: 'publish', region: 'ap-northeast-1', parameters: '{"Message":"hi"}' });
    assert.deepEqual(started.taskStartedEventDetails, { resourceType: 'sns', resource: 'publish' });
    assert.deepEqual(succeeded.taskSucceededEventDetails, { resourceType: 'sns', resource: 'publish', output: '{"MessageId":"m"}', outputDetails: { truncated: false } });
  });

  it('HistoryEvents_SameInstant_ExitBeforeTheNextStateEnters', () => {
    const record = handRecord([['A', 'Pass', 5, 5], ['B', 'Pass', 5, 5]], { stoppedAt: 5 });

    assert.deepEqual(types(historyEvents(record)), [
      'ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
  });

  it('HistoryEvents_Parallel_BranchStatesInsideStartedAndSucceededEvenAtTheSameInstant', () => {
    const record = handRecord([['Both', 'Parallel', 0, 20], ['Left', 'Pass', 0, 20], ['Right', 'Wait', 0, 10]], {
      branches: { Both: [['Left'], ['Right']] },
      stoppedAt: 20,
    });

    const listed = historyEvents(record).map((event) => `${event.type}:${event.stateEnteredEventDetails?.name ?? event.stateExitedEventDetails?.name ?? ''}`);

    assert.deepEqual(listed, [
      'ExecutionStarted:', 'ParallelStateEntered:Both', 'ParallelStateStarted:', 'PassStateEntered:Left', 'WaitStateEntered:Right',
      'WaitStateExited:Right', 'PassStateExited:Left', 'ParallelStateSucceeded:', 'ParallelStateExited:Both', 'ExecutionSucceeded:',
    ]);
  });

  it('HistoryEvents_AbortedWhileWaiting_WaitStateAbortedThenExecutionAborted', () => {
    const record = handRecord([['Pause', 'Wait', 0]], { outcome: { status: 'ABORTED' }, stoppedAt: 40 });

    const events = historyEvents(record);

    assert.deepEqual(types(events), ['ExecutionStarted', 'WaitStateEntered', 'WaitStateAborted', 'ExecutionAborted']);
    assert.equal(events[2].timestamp, (T + 40) / 1000);
  });

  it('HistoryEvents_FunctionTimedOut_LambdaFunctionTimedOut', () => {
    const record = handRecord([['Work', 'Task', 0]], {
      invocations: [{ state: 'Work', target: 'Worker', resource: PROMOTER, input: {}, from: T + 1, to: T + 9, ok: false, error: new TaskError('States.Timeout', 'Task timed out') }],
      outcome: { status: 'FAILED', error: 'States.Timeout', cause: 'Task timed out' },
      stoppedAt: 9,
    });

    const events = historyEvents(record);

    assert.deepEqual(types(events), ['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionTimedOut', 'ExecutionFailed']);
    assert.deepEqual(events[4].lambdaFunctionTimedOutEventDetails, { error: 'States.Timeout', cause: 'Task timed out' });
  });
});

describe('finishDocument', () => {
  it('FinishDocument_ExecutionRecord_CarriesItsHistoryEvents', async () => {
    const record = await run({ outcome: 'Started' }, new TaskError('PromotionError', 'cluster gone'));

    const document = finishDocument(ARN, record);

    assert.equal(document.status, 'FAILED');
    assert.deepEqual(document.events, historyEvents(record));
  });

  it('FinishDocument_PlainOutcome_HasNoEvents', () => {
    assert.equal('events' in finishDocument(ARN, { status: 'ABORTED' }), false);
  });
});
