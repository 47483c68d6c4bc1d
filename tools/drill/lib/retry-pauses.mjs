// @ts-check
// Retry pauses that follow the lab's time profile. aws-local-stepfunctions takes a fixed pause per retrier as an
// override and then skips backoff and jitter, so this tracker recomputes both (as the ASL specification defines
// them) from the attempts it has seen, and scales the result.

const TASK_FAILED = 'States.TaskFailed';
const ALL = 'States.ALL';
const DEFAULTS = { IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 };

/** The index of the first retrier of `retriers` that matches an error name thrown by a Task, or -1. */
export function matchingRetrier(retriers, errorName) {
  return retriers.findIndex((retrier) =>
    retrier.ErrorEquals.some((name) => name === errorName || name === ALL || (name === TASK_FAILED && errorName !== 'States.Timeout')),
  );
}

/** The pause before the next retry, in seconds of AWS time: IntervalSeconds × BackoffRate^(retries so far), capped. */
export function backoffSeconds(retrier, retriesSoFar) {
  const interval = (retrier.IntervalSeconds ?? DEFAULTS.IntervalSeconds) * (retrier.BackoffRate ?? DEFAULTS.BackoffRate) ** retriesSoFar;
  return retrier.MaxDelaySeconds === undefined ? interval : Math.min(interval, retrier.MaxDelaySeconds);
}

/**
 * Tracks, per Task state of one execution, which entry (occurrence) and attempt an invocation is, and serves
 * `retryIntervalOverrides` whose pauses are backoff × jitter ÷ time scale.
 */
export class AttemptTracker {
  /** `states`: Map of state name → state definition; `random`: () => [0, 1). */
  constructor(states, timeScale, random = Math.random) {
    this.states = states;
    this.timeScale = timeScale;
    this.random = random;
    this.progress = new Map();
  }

  /** Called as an invocation starts: `{ occurrence, attempt }`, both counted from 1. */
  begin(stateName) {
    const progress = this.progressOf(stateName);
    if (!progress.inEntry) {
      progress.occurrence += 1;
      progress.inEntry = true;
    }
    return { occurrence: progress.occurrence, attempt: 1 + progress.retries.reduce((sum, count) => sum + count, 0) };
  }

  succeeded(stateName) {
    this.endEntry(this.progressOf(stateName));
  }

  /** Records a failed attempt; when no retrier will retry it, the entry ends (the state is left through Catch). */
  failed(stateName, errorName) {
    const progress = this.progressOf(stateName);
    const retriers = this.states.get(stateName)?.Retry ?? [];
    const index = matchingRetrier(retriers, errorName);
    if (index < 0 || progress.retries[index] >= (retriers[index].MaxAttempts ?? DEFAULTS.MaxAttempts)) {
      this.endEntry(progress);
      return;
    }
    progress.retries[index] += 1;
  }

  /** Per retrier, the pause (ms) before the retry about to happen. */
  pausesFor(stateName) {
    const progress = this.progressOf(stateName);
    const retriers = this.states.get(stateName)?.Retry ?? [];
    return retriers.map((retrier, index) => {
      const seconds = backoffSeconds(retrier, Math.max(progress.retries[index] - 1, 0));
      const jitter = retrier.JitterStrategy === 'FULL' ? this.random() : 1;
      return (seconds * jitter * 1000) / this.timeScale;
    });
  }

  /** retryIntervalOverrides for aws-local-stepfunctions: read at each retry, so each read is fresh. */
  retryIntervalOverrides() {
    const overrides = {};
    for (const [name, state] of this.states) {
      if (state.Retry) Object.defineProperty(overrides, name, { enumerable: true, get: () => this.pausesFor(name) });
    }
    return overrides;
  }

  progressOf(stateName) {
    if (!this.progress.has(stateName)) {
      const retriers = this.states.get(stateName)?.Retry ?? [];
      this.progress.set(stateName, { occurrence: 0, inEntry: false, retries: retriers.map(() => 0) });
    }
    return this.progress.get(stateName);
  }

  endEntry(progress) {
    progress.inEntry = false;
    progress.retries.fill(0);
  }
}
