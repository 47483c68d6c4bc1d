// @ts-check
// What the lab's background workers share: call poll() every pollMs until stop(); a failed poll (the lab busy or
// restarting) goes to onError and the next one is tried.
import { setTimeout as delay } from 'node:timers/promises';

export class PollingLoop {
  /** @param {{ pollMs: number, onError?: (error: unknown) => void }} options */
  constructor({ pollMs, onError = () => {} }) {
    this.pollMs = pollMs;
    this.onError = onError;
    this.stopped = false;
    /** @type {Promise<void> | undefined} */
    this.loop = undefined;
  }

  /** One round of work; subclasses implement it. @returns {Promise<unknown>} */
  async poll() {
    throw new Error(`${this.constructor.name} does not implement poll()`);
  }

  /** Polls until stop(). */
  start() {
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          await this.poll();
        } catch (error) {
          this.onError(error);
        }
        await delay(this.pollMs);
      }
    })();
  }

  /** Stops after the round in progress. */
  async stop() {
    this.stopped = true;
    await this.loop;
  }
}
