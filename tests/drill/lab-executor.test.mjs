import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareMachine } from '../../tools/drill/lib/execution-runner.mjs';
import { LabExecutor } from '../../tools/drill/lib/lab-executor.mjs';

const MACHINE_ARN = 'arn:aws:states:ap-northeast-1:111122223333:stateMachine:dr-failover';
const executionArn = (name) => `${MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${name}`;
const DEFINITION = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:ap-northeast-1:111122223333:function:Worker', End: true } } };

/** Step Functions' ListExecutions / DescribeExecution over a list of RUNNING executions, remembering the calls. */
function fakeStepFunctions(running) {
  const calls = [];
  return {
    calls,
    json: async (service, region, target, payload) => {
      calls.push(target);
      if (target === 'AWSStepFunctions.ListExecutions') {
        return { executions: running.filter((e) => !e.finished).map((e) => ({ executionArn: executionArn(e.name), stateMachineArn: MACHINE_ARN, name: e.name, status: 'RUNNING', startDate: 1764115200.5 })) };
      }
      const execution = running.find((e) => executionArn(e.name) === payload.executionArn);
      return { input: JSON.stringify(execution.input) };
    },
  };
}

function executor(running, invokeTask) {
  const finished = [];
  const labClient = { finishExecution: async (document) => { finished.push(document); running.find((e) => executionArn(e.name) === document.executionArn).finished = true; } };
  const machines = { failover: { deployed: { arn: MACHINE_ARN }, prepared: prepareMachine(DEFINITION), invokeTask } };
  return { finished, labExecutor: new LabExecutor({ aws: fakeStepFunctions(running), labClient, machines, timeScale: 30, pollMs: 10 }) };
}

describe('LabExecutor', () => {
  it('Poll_NewRunningExecution_RunsItWithItsInputAndFinishesItInTheLab', async () => {
    const inputs = [];
    const running = [{ name: 'manual-1', input: { mode: 'dry-run' } }];
    const { finished, labExecutor } = executor(running, async ({ input }) => {
      inputs.push(input);
      return { ok: true, target: 'Worker', result: { decision: 'None' } };
    });

    await labExecutor.poll();
    await labExecutor.settled();

    assert.deepEqual(inputs, [{ mode: 'dry-run' }]);
    assert.equal(finished.length, 1);
    assert.equal(finished[0].status, 'SUCCEEDED');
    assert.equal(finished[0].output, JSON.stringify({ decision: 'None' }));
    assert.deepEqual([finished[0].events[0].type, finished[0].events.at(-1).type], ['ExecutionStarted', 'ExecutionSucceeded']);
  });

  it('Poll_ExecutionAlreadyTaken_DoesNotRunItTwice', async () => {
    let invocations = 0;
    const running = [{ name: 'manual-1', input: {} }];
    const { labExecutor } = executor(running, async () => {
      invocations += 1;
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { ok: true, target: 'Worker', result: {} };
    });

    const first = await labExecutor.poll();
    const second = await labExecutor.poll();
    await labExecutor.settled();

    assert.equal(first.length, 1);
    assert.equal(second.length, 0);
    assert.equal(invocations, 1);
  });

  it('Poll_StartDateInSeconds_GivesTheExecutionItsStartTimeInMilliseconds', async () => {
    const running = [{ name: 'manual-1', input: {} }];
    const { labExecutor } = executor(running, async () => ({ ok: true, target: 'Worker', result: {} }));

    const [taken] = await labExecutor.poll();
    await labExecutor.settled();

    assert.equal(taken.startedAt, 1764115200500);
    assert.equal(taken.executionArn, executionArn('manual-1'));
  });
});
