// @ts-check
// What happened in one execution, with times: state spans, modelled pauses (Wait states and retry backoff) and
// Task invocations. Built from aws-local-stepfunctions' event log and the drill's own Task handlers.
// Times are epoch milliseconds (wall clock).

/**
 * One entry into a state, from StateEntered to its exit (or to the execution's end).
 * @typedef {object} StateSpan
 * @property {string} name
 * @property {string} type the ASL state type (Task, Wait, Parallel...)
 * @property {number} enteredAt
 * @property {number | undefined} exitedAt
 * @property {'running' | 'succeeded' | 'caught' | 'failed'} outcome
 * @property {number} retries
 * @property {unknown} input
 * @property {unknown} [output]
 */

/**
 * Modelled time the execution spent not working: a Wait state or a retry's backoff.
 * @typedef {{ kind: 'wait' | 'retry', state: string, from: number, to: number }} Pause
 */

/**
 * One Task attempt, as runExecution records it from taskInvoker's answer.
 * @typedef {object} Invocation
 * @property {string} state the Task state
 * @property {string} target the function name, 'SNS', or the resource the drill could not run
 * @property {string} [operation] the function's `operation` input field (assess, apply...)
 * @property {string} [resource]
 * @property {unknown} [input]
 * @property {number} occurrence which entry into the state (1-based)
 * @property {number} attempt which attempt of that entry (1-based; retries count up)
 * @property {number} from
 * @property {number} to
 * @property {boolean} ok
 * @property {any} [result] the Task's result when ok
 * @property {Error} [error] the TaskError Step Functions would raise when not ok
 * @property {string} [status] the emulator's x-drlambdas-status
 * @property {boolean} [coldStart]
 * @property {number} [durationMs]
 * @property {boolean} [crashInjected]
 */

/**
 * How an execution ended (outcomeOf / dataLimitFailure in execution-runner.mjs).
 * @typedef {{ status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED', output?: unknown, error?: string, cause?: string }} ExecutionOutcome
 */

/**
 * What the scenario runner knows of an execution when it starts it.
 * @typedef {{ id: string, machine: string, name: string, executionArn: string, startedAt: number, input?: unknown }} ExecutionStart
 */

export class ExecutionRecord {
  /** @param {ExecutionStart} start */
  constructor({ id, machine, name, executionArn, startedAt, input }) {
    /** The scenario's id of the execution. */
    this.id = id;
    /** 'failover' | 'failback' */
    this.machine = machine;
    this.name = name;
    this.executionArn = executionArn;
    this.startedAt = startedAt;
    this.input = input;
    /** @type {StateSpan[]} */
    this.states = [];
    /** @type {Pause[]} */
    this.pauses = [];
    /** @type {Invocation[]} */
    this.invocations = [];
    /** @type {Map<string, StateSpan>} */
    this.open = new Map();
    /** @type {Map<string, number>} */
    this.failedAt = new Map();
    /** The result of the last successful `assess` invocation (HealthValidator's assessment). @type {any} */
    this.assessment = undefined;
    /** @type {'RUNNING' | ExecutionOutcome['status']} */
    this.status = 'RUNNING';
    /** For each Parallel state, the state names of each branch (set by runExecution). @type {Record<string, string[][]> | undefined} */
    this.branches = undefined;
    /** @type {{ state: string, error: string, cause: string } | undefined} */
    this.lastFailure = undefined;
    /** @type {unknown} */
    this.output = undefined;
    /** @type {string | undefined} */
    this.error = undefined;
    /** @type {string | undefined} */
    this.cause = undefined;
    /** @type {number | undefined} */
    this.stoppedAt = undefined;
  }

  /** Consumes one event of the interpreter's event log. @param {any} event */
  onEvent(event) {
    const name = event.state?.name;
    switch (event.type) {
      case 'StateEntered': {
        /** @type {StateSpan} */
        const span = { name, type: event.state.type, enteredAt: event.timestamp, exitedAt: undefined, outcome: 'running', retries: 0, input: event.state.input };
        this.states.push(span);
        this.open.set(name, span);
        break;
      }
      case 'StateExited': {
        // The interpreter exits a caught state too (StateCaught came first and closed the span): keep its output.
        const caught = this.open.has(name) ? undefined : this.last(name);
        if (caught?.outcome === 'caught') caught.output = event.state.output;
        else this.close(name, event.timestamp, 'succeeded', event.state.output);
        break;
      }
      case 'StateFailed':
        this.failedAt.set(name, event.timestamp);
        this.lastFailure = { state: name, error: event.Error, cause: event.Cause };
        break;
      case 'StateRetried': {
        const span = this.open.get(name);
        if (span) span.retries += 1;
        const from = this.failedAt.get(name);
        if (from !== undefined) this.pauses.push({ kind: 'retry', state: name, from, to: event.timestamp });
        break;
      }
      case 'StateCaught':
        this.close(name, event.timestamp, 'caught');
        break;
      default:
        break;
    }
  }

  /** @param {string} name @param {number} at @param {StateSpan['outcome']} outcome @param {unknown} [output] */
  close(name, at, outcome, output) {
    const span = this.open.get(name);
    if (!span) return;
    span.exitedAt = at;
    span.outcome = outcome;
    span.output = output;
    this.open.delete(name);
    if (span.type === 'Wait') this.pauses.push({ kind: 'wait', state: name, from: span.enteredAt, to: at });
  }

  /** Records one Task attempt: `{ state, target, operation, occurrence, attempt, from, to, ok, error, status, coldStart }`. */
  /** @param {Invocation} invocation */
  onInvocation(invocation) {
    this.invocations.push(invocation);
    if (invocation.ok && invocation.operation === 'assess') this.assessment = invocation.result;
  }

  /** Ends the record with the execution's outcome; states still open end now, as failed. */
  /** @param {ExecutionOutcome} outcome @param {number} at */
  finish(outcome, at) {
    this.status = outcome.status;
    this.output = outcome.output;
    this.error = outcome.error;
    this.cause = outcome.cause;
    this.stoppedAt = at;
    for (const name of [...this.open.keys()]) this.close(name, this.failedAt.get(name) ?? at, 'failed');
  }

  /** The decision this execution's assessment made, if it made one. @returns {string | undefined} */
  get decision() {
    return this.assessment?.decision?.action;
  }

  /** Names of the states entered, in order. */
  get visited() {
    return this.states.map((span) => span.name);
  }

  /** The first span of a state, or undefined. @param {string} name */
  first(name) {
    return this.states.find((span) => span.name === name);
  }

  /** The last span of a state, or undefined. @param {string} name */
  last(name) {
    return this.states.findLast((span) => span.name === name);
  }
}
