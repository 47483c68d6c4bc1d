// @ts-check
// The `.waitForTaskToken` pattern: the executor mints the task token `$$.Task.Token` reads, registers the waiting
// Task state in the lab (so that SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat can find it), then waits for
// the callback the lab records, or closes the task when its TimeoutSeconds elapsed.
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

export const WAIT_FOR_TASK_TOKEN = '.waitForTaskToken';

/** The lab's token shape (tools/DrLab CallbackTaskRegistry): base64 of this prefix and 88 random bytes. */
const TOKEN_PREFIX = 'DRLAB-TT';

/** A new task token. @param {(size: number) => Buffer} [random] */
export function mintTaskToken(random = randomBytes) {
  return Buffer.concat([Buffer.from(TOKEN_PREFIX, 'ascii'), random(88)]).toString('base64');
}

/** Whether a Task state waits for a callback. @param {any} state */
export function waitsForTaskToken(state) {
  return state?.Type === 'Task' && String(state.Resource ?? '').endsWith(WAIT_FOR_TASK_TOKEN);
}

/**
 * The tokens of one execution. `contextTask()` is the Context Object's `Task`: each read of `Token` mints a new
 * token (Step Functions issues one per Task attempt); `claim(input)` takes the minted token a Task's resolved
 * Parameters carry.
 */
export class TaskTokens {
  constructor(mint = mintTaskToken) {
    this.mint = mint;
    /** @type {Set<string>} */
    this.minted = new Set();
  }

  contextTask() {
    const tokens = this;
    return {
      get Token() {
        const token = tokens.mint();
        tokens.minted.add(token);
        return token;
      },
    };
  }

  /** The minted token `input` carries (removed from the unclaimed ones), or undefined. @param {unknown} input */
  claim(input) {
    const text = JSON.stringify(input ?? null);
    const token = [...this.minted].find((candidate) => text.includes(candidate));
    if (token) this.minted.delete(token);
    return token;
  }
}

/**
 * @typedef {{ status: 'Waiting' | 'Succeeded' | 'Failed' | 'TimedOut', output?: string | null, error?: string | null, cause?: string | null }} TaskOutcome
 * @typedef {{ register: (token: string, executionArn: string, stateName: string) => Promise<void>,
 *   waitFor: (token: string, timeoutMs: number) => Promise<TaskOutcome> }} Callbacks
 */

/**
 * Callbacks through the lab's control API (POST /_lab/tasks, /lookup, /close), polled every `pollMs`.
 * @param {import('./lab-client.mjs').LabClient} labClient @param {number} pollMs @returns {Callbacks}
 */
export function labCallbacks(labClient, pollMs) {
  return {
    register: async (token, executionArn, stateName) => {
      await labClient.registerTask({ taskToken: token, executionArn, stateName });
    },
    waitFor: async (token, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const task = await labClient.lookupTask(token);
        if (task.status !== 'Waiting') return task;
        if (Date.now() >= deadline) return labClient.closeTask(token);
        await delay(Math.min(pollMs, Math.max(0, deadline - Date.now())));
      }
    },
  };
}
