// @ts-check
// The DR lab's control API (/_lab): ground truth, faults, execution bookkeeping, reset.
import { DrillSetupError } from './errors.mjs';

/** The control API's error document { error, messages } as one line. */
export class LabRequestError extends Error {
  constructor(method, path, status, body) {
    const messages = body?.messages?.join('; ') ?? JSON.stringify(body);
    super(`lab ${method} ${path} answered ${status}: ${body?.error ?? 'error'}: ${messages}`);
    this.name = 'LabRequestError';
    this.status = status;
    this.error = body?.error;
    this.messages = body?.messages ?? [];
  }
}

/** A scenario fault with its Region role replaced by the lab's Region name. */
export function resolveFault(lab, fault) {
  return fault.region === undefined ? { ...fault } : { ...fault, region: lab.regions[fault.region] };
}

export class LabClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  config() {
    return this.call('GET', '/_lab/config');
  }

  state() {
    return this.call('GET', '/_lab/state');
  }

  reset() {
    return this.call('POST', '/_lab/reset');
  }

  setObserver(region) {
    return this.call('POST', '/_lab/observer', { region });
  }

  /** Schedules faults (durations in model seconds, relative to now); returns the lab's fault documents. */
  async addFaults(faults) {
    return (await this.call('POST', '/_lab/faults', { faults })).faults;
  }

  async clearFaults() {
    return (await this.call('DELETE', '/_lab/faults')).faults;
  }

  /** Marks an execution finished (the lab records executions; the drill runs them). */
  finishExecution(finish) {
    return this.call('POST', '/_lab/executions/finish', finish);
  }

  /** A Task state now waits on `taskToken` (the lab answers SendTaskSuccess / SendTaskFailure for it). */
  registerTask(registration) {
    return this.call('POST', '/_lab/tasks', registration);
  }

  /** The waiting task's state: { status: Waiting | Succeeded | Failed | TimedOut, output?, error?, cause? }. */
  lookupTask(taskToken) {
    return this.call('POST', '/_lab/tasks/lookup', { taskToken });
  }

  /** The task's TimeoutSeconds elapsed: later callbacks with its token are TaskTimedOut. */
  closeTask(taskToken) {
    return this.call('POST', '/_lab/tasks/close', { taskToken });
  }

  async call(method, path, body) {
    let response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new DrillSetupError(`the lab at ${this.baseUrl} is unreachable (${method} ${path}): ${error.cause?.message ?? error.message}`);
    }
    const text = await response.text();
    let parsed;
    try {
      parsed = text.length === 0 ? null : JSON.parse(text);
    } catch {
      parsed = { error: 'NotJson', messages: [text.slice(0, 200)] };
    }
    if (!response.ok) throw new LabRequestError(method, path, response.status, parsed);
    return parsed;
  }
}
