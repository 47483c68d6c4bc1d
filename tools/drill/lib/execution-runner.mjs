// @ts-check
// Runs one state machine execution in aws-local-stepfunctions: Task states call the real functions (or SNS) through
// `invokeTask`, Wait states and retry pauses follow the lab's time profile, and everything is recorded.
import './promise-with-resolvers.mjs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ExecutionAbortedError, ExecutionError, ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';
import { forEachState, scaledWaits, statesByName } from './asl.mjs';
import { ExecutionRecord } from './execution-record.mjs';
import { AttemptTracker } from './retry-pauses.mjs';
import { TaskError } from './errors.mjs';
import { TaskTokens, waitsForTaskToken } from './task-tokens.mjs';

/**
 * Calls `start()` while `new Date()` reads `epochMs`. Step Functions gives `$$.Execution.StartTime` the execution's
 * start date (what StartExecution and ListExecutions report); aws-local-stepfunctions stamps the moment it starts
 * interpreting instead, synchronously inside `run()`. HealthValidator compares its own start time with the other
 * executions' start dates (one acting execution), so the two must agree.
 */
export function withExecutionStartTime(epochMs, start) {
  const RealDate = globalThis.Date;
  class ExecutionStartDate extends RealDate {
    /** @param {any[]} args */
    constructor(...args) {
      if (args.length === 0) super(epochMs);
      else super(.../** @type {[any]} */ (args));
    }
  }
  globalThis.Date = /** @type {DateConstructor} */ (ExecutionStartDate);
  try {
    return start();
  } finally {
    globalThis.Date = RealDate;
  }
}

/** For each Parallel state, the names of the states of each of its branches. */
export function parallelBranches(definition) {
  const branches = {};
  forEachState(definition, (name, state) => {
    if (state.Type !== 'Parallel') return;
    branches[name] = state.Branches.map((branch) => {
      const names = [];
      forEachState(branch, (inner) => names.push(inner));
      return names;
    });
  });
  return branches;
}

/** The Context Object of an execution registered in the lab. */
export function executionContext({ executionArn, name, startedAt, stateMachineArn }) {
  return {
    Execution: { Id: executionArn, Name: name, StartTime: new Date(startedAt).toISOString() },
    StateMachine: { Id: stateMachineArn, Name: stateMachineArn.split(':').at(-1) },
  };
}

/** Step Functions' payload quota for a state's input or output: 256 KiB of UTF-8 JSON. */
export const STATE_DATA_LIMIT_BYTES = 262_144;

/** The UTF-8 size of a value as JSON (what the payload quota counts). */
export function payloadBytes(value) {
  return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
}

/**
 * The States.DataLimitExceeded failure of `state` when `value` (its input or its output) exceeds the quota, else
 * undefined. The error is terminal: States.ALL does not catch it, so the execution fails.
 */
export function dataLimitFailure(state, which, value) {
  const bytes = payloadBytes(value);
  if (bytes <= STATE_DATA_LIMIT_BYTES) return undefined;
  const cause = which === 'input'
    ? `The state '${state}' has an input of ${bytes} bytes, exceeding the maximum number of bytes service limit (${STATE_DATA_LIMIT_BYTES}).`
    : `The state/task '${state}' returned a result of ${bytes} bytes, exceeding the maximum number of bytes service limit (${STATE_DATA_LIMIT_BYTES}).`;
  return { status: 'FAILED', error: 'States.DataLimitExceeded', cause };
}

/** The final status of a run from how its result promise settled. */
export function outcomeOf(settled) {
  if (settled.status === 'fulfilled') return { status: 'SUCCEEDED', output: settled.value };
  const failure = settled.reason;
  if (failure instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution ran past its TimeoutSeconds.' };
  if (failure instanceof ExecutionAbortedError) return { status: 'ABORTED' };
  if (failure instanceof ExecutionError) {
    const cause = /** @type {Error | undefined} */ (failure.cause);
    return { status: 'FAILED', error: cause?.name, cause: cause?.message };
  }
  throw failure;
}

/**
 * The interpreter for a definition. Constructing it validates the definition, which takes a noticeable time; like
 * CreateStateMachine on AWS, that happens once, before any execution (and outside its measured time).
 */
export function prepareMachine(definition) {
  return { definition, machine: new StateMachine(definition), states: statesByName(definition), branches: parallelBranches(definition) };
}

/** The interpreter's default Task timeout (aws-local-stepfunctions, as Step Functions' 99999999 s is no limit here). */
const DEFAULT_TASK_TIMEOUT_SECONDS = 60;

/**
 * The outcome of a Task waiting on its token as the Task's result or TaskError: SendTaskSuccess's output,
 * SendTaskFailure's error and cause, or States.Timeout once its TimeoutSeconds elapsed.
 * @param {import('./task-tokens.mjs').TaskOutcome} outcome
 */
export function callbackResult(outcome) {
  if (outcome.status === 'Succeeded') return { ok: true, result: JSON.parse(outcome.output ?? 'null') };
  if (outcome.status === 'Failed') return { ok: false, error: new TaskError(outcome.error || 'States.TaskFailed', outcome.cause ?? '') };
  return { ok: false, error: new TaskError('States.Timeout', 'The task token was not returned within the Task\'s TimeoutSeconds.') };
}

/**
 * Runs an execution to its end and returns its ExecutionRecord. `prepared`: prepareMachine().
 * - `invokeTask({ resource, stateName, input, crash })` → `{ ok, result?, error?, status?, coldStart? }`;
 * - `beforeTask({ task, occurrence, attempt })` → `{ crash }` runs the scenario's hooks;
 * - `onEvent(record, event)` sees every interpreter event (progress);
 * - `callbacks` (task-tokens.mjs): where Task states with `.waitForTaskToken` register their token and wait for
 *   it (a definition with such a state cannot run without).
 */
export async function runExecution({ prepared, execution, input, timeScale, invokeTask, beforeTask, onEvent, callbacks, random = Math.random }) {
  const { definition, machine, states } = prepared;
  const tokens = new TaskTokens();
  const tracker = new AttemptTracker(states, timeScale, random);
  const record = new ExecutionRecord({ ...execution, input });
  record.branches = prepared.branches;
  const taskResourceLocalHandlers = {};
  // Step Functions fails the execution (no Retry, no Catch) when a state's data exceeds the quota; the interpreter
  // knows no such limit, so the run is aborted and its outcome replaced.
  let dataLimit;
  let abortRun = () => {};
  const exceed = (failure) => {
    if (!failure || dataLimit) return;
    dataLimit = failure;
    abortRun();
  };
  const never = () => new Promise(() => {});
  for (const [stateName, state] of states) {
    if (state.Type !== 'Task') continue;
    taskResourceLocalHandlers[stateName] = async (taskInput) => {
      await nextTurn();
      exceed(dataLimitFailure(stateName, 'input', taskInput));
      if (dataLimit) return never();
      const { occurrence, attempt } = tracker.begin(stateName);
      const { crash = false } = (await beforeTask({ task: stateName, occurrence, attempt })) ?? {};
      const from = Date.now();
      const invocation = waitsForTaskToken(state)
        ? await awaitCallback(stateName, state, taskInput, crash)
        : await invokeTask({ resource: state.Resource, stateName, input: taskInput, crash });
      record.onInvocation({
        state: stateName,
        target: invocation.target,
        operation: taskInput?.operation ?? taskInput?.Payload?.operation,
        resource: state.Resource,
        input: taskInput,
        occurrence,
        attempt,
        from,
        to: Date.now(),
        crashInjected: crash,
        ...invocation,
      });
      if (invocation.ok) {
        exceed(dataLimitFailure(stateName, 'output', invocation.result));
        if (dataLimit) return never();
        tracker.succeeded(stateName);
        return invocation.result;
      }
      tracker.failed(stateName, invocation.error.name);
      throw invocation.error;
    };
  }

  /**
   * A `.waitForTaskToken` Task: the token its Parameters carry is registered, the resource is called (its result
   * is not the Task's), then the Task waits for SendTaskSuccess / SendTaskFailure or its TimeoutSeconds.
   */
  async function awaitCallback(stateName, state, taskInput, crash) {
    const token = tokens.claim(taskInput);
    const refuse = (message) => ({ ok: false, target: state.Resource, error: new TaskError('States.Runtime', message) });
    if (!callbacks) return refuse(`The Task ${stateName} waits for a task token, and this run has nowhere to receive the callback.`);
    if (!token) return refuse(`The Task ${stateName} uses ${state.Resource} but its Parameters do not pass $$.Task.Token.`);
    if (state.HeartbeatSeconds !== undefined || state.HeartbeatSecondsPath !== undefined) {
      return refuse(`The Task ${stateName} sets a heartbeat timeout, which the lab does not enforce.`);
    }
    await callbacks.register(token, execution.executionArn, stateName);
    const submitted = await invokeTask({ resource: state.Resource, stateName, input: taskInput, crash });
    if (!submitted.ok) return submitted;
    const outcome = await callbacks.waitFor(token, (state.TimeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS) * 1000);
    return { ...submitted, submittedAt: Date.now(), submittedResult: submitted.result, ...callbackResult(outcome) };
  }

  const run = withExecutionStartTime(execution.startedAt, () =>
    machine.run(input, {
      context: { ...executionContext(execution), Task: tokens.contextTask() },
      overrides: {
        taskResourceLocalHandlers,
        waitTimeOverrides: scaledWaits(definition, timeScale),
        retryIntervalOverrides: tracker.retryIntervalOverrides(),
      },
    }),
  );
  abortRun = () => run.abort();
  const inputFailure = dataLimitFailure('(execution input)', 'input', input);
  if (inputFailure) exceed(inputFailure);
  const logging = (async () => {
    for await (const event of run.eventLogs) {
      if (event.type === 'StateEntered') exceed(dataLimitFailure(event.state.name, 'input', event.state.input));
      if (event.type === 'StateExited') exceed(dataLimitFailure(event.state.name, 'output', event.state.output));
      if (dataLimit && event.type === 'ExecutionAborted') continue;
      record.onEvent(event);
      onEvent?.(record, event);
    }
  })();
  const [settled] = await Promise.allSettled([run.result]);
  await logging;
  record.finish(dataLimit ?? outcomeOf(settled), Date.now());
  return record;
}
