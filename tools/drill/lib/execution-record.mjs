// @ts-check
// What happened in one execution, with times: state spans, modelled pauses (Wait states and retry backoff) and
// Task invocations. Built from aws-local-stepfunctions' event log and the drill's own Task handlers.

export class ExecutionRecord {
  constructor({ id, machine, name, executionArn, startedAt, input }) {
    Object.assign(this, { id, machine, name, executionArn, startedAt, input });
    this.states = [];
    this.pauses = [];
    this.invocations = [];
    this.open = new Map();
    this.failedAt = new Map();
    this.assessment = undefined;
    this.status = 'RUNNING';
  }

  /** Consumes one event of the interpreter's event log. */
  onEvent(event) {
    const name = event.state?.name;
    switch (event.type) {
      case 'StateEntered': {
        const span = { name, type: event.state.type, enteredAt: event.timestamp, exitedAt: undefined, outcome: 'running', retries: 0, input: event.state.input };
        this.states.push(span);
        this.open.set(name, span);
        break;
      }
      case 'StateExited':
        // The interpreter exits a caught state too (StateCaught came first and closed the span): keep its output.
        if (!this.open.has(name) && this.last(name)?.outcome === 'caught') this.last(name).output = event.state.output;
        else this.close(name, event.timestamp, 'succeeded', event.state.output);
        break;
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
  onInvocation(invocation) {
    this.invocations.push(invocation);
    if (invocation.ok && invocation.operation === 'assess') this.assessment = invocation.result;
  }

  /** Ends the record with the execution's outcome; states still open end now, as failed. */
  finish(outcome, at) {
    this.status = outcome.status;
    this.output = outcome.output;
    this.error = outcome.error;
    this.cause = outcome.cause;
    this.stoppedAt = at;
    for (const name of [...this.open.keys()]) this.close(name, this.failedAt.get(name) ?? at, 'failed');
  }

  /** The decision this execution's assessment made, if it made one. */
  get decision() {
    return this.assessment?.decision?.action;
  }

  /** Names of the states entered, in order. */
  get visited() {
    return this.states.map((span) => span.name);
  }

  /** The first span of a state, or undefined. */
  first(name) {
    return this.states.find((span) => span.name === name);
  }

  /** The last span of a state, or undefined. */
  last(name) {
    return this.states.findLast((span) => span.name === name);
  }
}
