// @ts-check
// Scenario hooks: actions taken when an execution reaches a given attempt of a Task (inject or clear faults, crash the
// function's process mid-invocation). Each hook fires at most once; the ones that never fire are reported.
import { resolveFault } from './lab-client.mjs';

export function describeHook(hook) {
  const action = hook.inject ? `inject ${hook.inject.map((f) => f.kind).join(', ')}` : hook.clearFaults ? 'clear faults' : 'crash the function';
  const { execution, task, occurrence, attempt } = hook.when;
  return `${action} at ${execution} ${task} (occurrence ${occurrence}, attempt ${attempt})`;
}

/**
 * A hook that fired: when, what it did, and the faults it injected (as the lab answered them).
 * @typedef {{ at: number, description: string, faults?: any[] }} HookEvent
 */

export class HookDispatcher {
  /**
   * `perform.inject(faults)`, `perform.clearFaults()` act on the lab; `onFired(event)` reports.
   * @param {any[]} hooks the scenario's hooks
   * @param {{
   *   lab: import('./lab-world.mjs').LabDescription,
   *   perform: { inject: (faults: any[]) => Promise<any[]>, clearFaults: () => Promise<void> },
   *   onFired?: (event: HookEvent) => void,
   * }} options
   */
  constructor(hooks, { lab, perform, onFired = () => {} }) {
    this.hooks = hooks.map((hook) => ({ hook, fired: false }));
    this.lab = lab;
    this.perform = perform;
    this.onFired = onFired;
    /** @type {HookEvent[]} */
    this.events = [];
  }

  /** The `beforeTask` callback of one execution: runs the matching hooks, returns `{ crash }`. */
  forExecution(executionId) {
    return async ({ task, occurrence, attempt }) => {
      let crash = false;
      for (const entry of this.hooks) {
        const { when } = entry.hook;
        if (entry.fired || when.execution !== executionId || when.task !== task) continue;
        if (when.occurrence !== occurrence || when.attempt !== attempt) continue;
        entry.fired = true;
        /** @type {HookEvent} */
        const event = { at: Date.now(), description: describeHook(entry.hook) };
        if (entry.hook.inject) event.faults = await this.perform.inject(entry.hook.inject.map((fault) => resolveFault(this.lab, fault)));
        else if (entry.hook.clearFaults) await this.perform.clearFaults();
        else crash = true;
        this.events.push(event);
        this.onFired(event);
      }
      return { crash };
    };
  }

  /** Descriptions of the hooks that never fired. */
  unfired() {
    return this.hooks.filter((entry) => !entry.fired).map((entry) => describeHook(entry.hook));
  }
}
