// @ts-check
// EventBridge Scheduler as the deployed templates define it, for the drill: every enabled schedule
// (AWS::Scheduler::Schedule, rate expression, flexible time window OFF) invokes its target function with the target's
// Input, on a fixed grid of model time, whether or not the previous invocation has finished (Scheduler invokes
// Lambda asynchronously: a slow probe minute never delays the next one, two may overlap). The invocation goes
// through the emulator to the deployed function (the real AOT binary with its role's credentials), after the lab's
// IAM says the schedule's role may lambda:InvokeFunction it.
import { DrillSetupError } from './errors.mjs';
import { invokeFunction } from './lambda-task.mjs';

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const UNIT_SECONDS = { minute: 60, minutes: 60, hour: 3600, hours: 3600, day: 86400, days: 86400 };

/**
 * The period of a Scheduler rate expression, in model seconds. Scheduler's rate units are minutes, hours and days
 * (its finest rate is one minute); cron and one-time schedules are not modelled by the drill.
 * @param {string} expression @returns {number}
 */
export function rateSeconds(expression) {
  const match = RATE.exec(String(expression ?? '').trim());
  if (!match || Number(match[1]) < 1) {
    throw new DrillSetupError(`schedule expression ${JSON.stringify(expression)}: the drill runs rate(N minute[s]|hour[s]|day[s]) schedules only`);
  }
  const count = Number(match[1]);
  if ((match[2] === 'minute' || match[2] === 'hour' || match[2] === 'day') !== (count === 1)) {
    throw new DrillSetupError(`schedule expression ${expression}: Scheduler writes rate(1 minute) and rate(N minutes)`);
  }
  return count * UNIT_SECONDS[/** @type {keyof typeof UNIT_SECONDS} */ (match[2])];
}

/**
 * The instants (epoch ms) a schedule fires in [startMs, untilMs): startMs, then every periodMs on the same grid.
 * @param {number} startMs @param {number} periodMs @param {number} untilMs
 */
export function fireTimes(startMs, periodMs, untilMs) {
  const times = [];
  for (let k = 0; startMs + k * periodMs < untilMs; k += 1) times.push(startMs + k * periodMs);
  return times;
}

/**
 * The parts of [fromMs, toMs) that no interval covers (each interval [start, end)): where no probe ran.
 * @param {{ start: number, end: number }[]} intervals @param {number} fromMs @param {number} toMs
 * @returns {{ start: number, end: number }[]}
 */
export function uncovered(intervals, fromMs, toMs) {
  const gaps = [];
  let reached = fromMs;
  for (const interval of [...intervals].sort((a, b) => a.start - b.start)) {
    if (interval.start > reached) gaps.push({ start: reached, end: Math.min(interval.start, toMs) });
    reached = Math.max(reached, interval.end);
    if (reached >= toMs) break;
  }
  if (reached < toMs) gaps.push({ start: reached, end: toMs });
  return gaps.filter((gap) => gap.end > gap.start);
}

/**
 * @typedef {{ name: string, region: string, periodMs: number, invoke: () => Promise<{ ok: boolean, error?: Error, result?: any }> }} RunnableSchedule
 * @typedef {{ schedule: string, region: string, firedAt: number, finishedAt?: number, ok?: boolean, error?: string, result?: any }} ScheduledInvocation
 * @typedef {{ now?: () => number, setTimer?: (fn: () => void, ms: number) => any, clearTimer?: (handle: any) => void }} Clock
 */

/** Runs schedules on their grids until stopped; records every invocation. */
export class ProbeScheduler {
  /**
   * @param {RunnableSchedule[]} schedules
   * @param {Clock & { onInvocation?: (invocation: ScheduledInvocation) => void }} [options]
   */
  constructor(schedules, { now = Date.now, setTimer = setTimeout, clearTimer = clearTimeout, onInvocation } = {}) {
    this.schedules = schedules;
    this.now = now;
    this.setTimer = setTimer;
    this.clearTimer = clearTimer;
    this.onInvocation = onInvocation;
    /** @type {ScheduledInvocation[]} */
    this.invocations = [];
    /** @type {Set<Promise<void>>} */
    this.inFlight = new Set();
    this.timers = new Map();
    this.stopped = false;
  }

  /** Fires every schedule now, then on its grid (start + k × period: no drift, whatever each invocation takes). */
  start() {
    const startMs = this.now();
    for (const schedule of this.schedules) this.fire(schedule, startMs, 0);
  }

  /** @param {RunnableSchedule} schedule @param {number} startMs @param {number} k */
  fire(schedule, startMs, k) {
    if (this.stopped) return;
    /** @type {ScheduledInvocation} */
    const invocation = { schedule: schedule.name, region: schedule.region, firedAt: this.now() };
    this.invocations.push(invocation);
    const running = schedule.invoke().then(
      (outcome) => Object.assign(invocation, { ok: outcome.ok, error: outcome.ok ? undefined : `${outcome.error?.name}: ${outcome.error?.message}`, result: outcome.result }),
      (error) => Object.assign(invocation, { ok: false, error: String(error?.message ?? error) }),
    ).then(() => {
      invocation.finishedAt = this.now();
      this.onInvocation?.(invocation);
    });
    const tracked = running.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    const next = startMs + (k + 1) * schedule.periodMs;
    this.timers.set(schedule.name, this.setTimer(() => this.fire(schedule, startMs, k + 1), Math.max(0, next - this.now())));
  }

  /** Stops firing and waits for the invocations in flight (a probe minute runs to its end, as on AWS). */
  async stop() {
    this.stopped = true;
    for (const handle of this.timers.values()) this.clearTimer(handle);
    this.timers.clear();
    await Promise.all([...this.inFlight]);
  }
}

/**
 * The deployment's enabled schedules as the drill runs them: each fires every rate period of model time (divided by
 * the lab's time scale) and invokes its target function through the emulator with the target's Input, once the lab's
 * IAM allows the schedule's role lambda:InvokeFunction on it (denied: the invocation fails as Scheduler's would).
 * @param {{ deployment: import('../../stack/deployment.mjs').Deployment, timeScale: number, emulatorUrl: string,
 *   allowed: (principal: string, action: string, resource: string, region: string) => Promise<boolean> }} options
 * @returns {RunnableSchedule[]}
 */
export function deployedSchedules({ deployment, timeScale, emulatorUrl, allowed }) {
  return (deployment.schedules ?? []).filter((schedule) => schedule.state === 'ENABLED').map((schedule) => {
    const target = deployment.functions.find((fn) => fn.arn === schedule.target.arn);
    if (!target) throw new DrillSetupError(`schedule ${schedule.name} targets ${schedule.target.arn}, which is not a deployed function`);
    if (schedule.flexibleTimeWindow !== 'OFF') throw new DrillSetupError(`schedule ${schedule.name}: only FlexibleTimeWindow OFF is modelled (the probe covers its minute)`);
    let payload;
    try {
      payload = schedule.target.input === undefined ? {} : JSON.parse(schedule.target.input);
    } catch (error) {
      throw new DrillSetupError(`schedule ${schedule.name}: its target Input is not JSON: ${error.message}`);
    }
    return {
      name: schedule.name,
      region: schedule.region,
      periodMs: (rateSeconds(schedule.scheduleExpression) * 1000) / timeScale,
      invoke: async () => {
        if (!(await allowed(schedule.target.roleArn, 'lambda:InvokeFunction', target.arn, target.region))) {
          return { ok: false, error: Object.assign(new Error(`${schedule.target.roleArn} may not lambda:InvokeFunction ${target.arn}`), { name: 'AccessDeniedException' }) };
        }
        return invokeFunction(emulatorUrl, target.name, payload);
      },
    };
  });
}
