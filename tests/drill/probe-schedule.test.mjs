import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DrillSetupError } from '../../tools/drill/lib/errors.mjs';
import { ProbeScheduler, deployedSchedules, fireTimes, rateSeconds, uncovered } from '../../tools/drill/lib/probe-schedule.mjs';

/** A manual clock: timers fire only when advance() passes their instant. */
function manualClock(start = 0) {
  let now = start;
  let nextId = 1;
  const timers = new Map();
  return {
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id) => timers.delete(id),
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await Promise.resolve();
      }
      now = until;
    },
  };
}

describe('probe schedule', () => {
  it('RateSeconds_OneMinute_IsSixty', () => {
    assert.equal(rateSeconds('rate(1 minute)'), 60);
    assert.equal(rateSeconds('rate(5 minutes)'), 300);
  });

  it('RateSeconds_CronOrSingularMismatch_IsASetupError', () => {
    assert.throws(() => rateSeconds('cron(* * * * ? *)'), DrillSetupError);
    assert.throws(() => rateSeconds('rate(2 minute)'), DrillSetupError);
    assert.throws(() => rateSeconds('rate(30 seconds)'), DrillSetupError);
  });

  it('FireTimes_AreOnAFixedGrid', () => {
    assert.deepEqual(fireTimes(1000, 2000, 8000), [1000, 3000, 5000, 7000]);
  });

  it('Uncovered_ProbeMinutesAsLongAsThePeriod_LeaveNoGapAcrossMinutes', () => {
    const period = 60_000;
    const invocations = fireTimes(0, period, 300_000).map((start) => ({ start, end: start + 60_000 }));

    assert.deepEqual(uncovered(invocations, 0, 300_000), []);
  });

  it('Uncovered_OverlappingMinutes_AreNoGap', () => {
    const invocations = fireTimes(0, 60_000, 180_000).map((start) => ({ start, end: start + 65_000 }));

    assert.deepEqual(uncovered(invocations, 0, 180_000), []);
  });

  it('Uncovered_ShortInvocations_ReportEachGap', () => {
    const invocations = fireTimes(0, 60_000, 180_000).map((start) => ({ start, end: start + 50_000 }));

    assert.deepEqual(uncovered(invocations, 0, 180_000), [
      { start: 50_000, end: 60_000 }, { start: 110_000, end: 120_000 }, { start: 170_000, end: 180_000 },
    ]);
  });

  it('Scheduler_SlowInvocation_DoesNotDelayTheNextMinute', async () => {
    const clock = manualClock(0);
    const started = [];
    const scheduler = new ProbeScheduler([{
      name: 'probe', region: 'eu-west-1', periodMs: 2000,
      invoke: () => {
        started.push(clock.now());
        return new Promise(() => {});
      },
    }], clock);

    scheduler.start();
    await clock.advance(6500);

    assert.deepEqual(started, [0, 2000, 4000, 6000]);
    assert.equal(scheduler.inFlight.size, 4);
  });

  it('Scheduler_LateTimer_KeepsTheGrid', async () => {
    const clock = manualClock(0);
    const started = [];
    const scheduler = new ProbeScheduler([{
      name: 'probe', region: 'eu-west-1', periodMs: 1000,
      invoke: async () => {
        started.push(clock.now());
        return { ok: true };
      },
    }], { ...clock, setTimer: (fn, ms) => clock.setTimer(fn, ms + (started.length === 1 ? 300 : 0)) });

    scheduler.start();
    await clock.advance(3500);
    await scheduler.stop();

    assert.deepEqual(started, [0, 1300, 2000, 3000]);
  });

  it('Scheduler_Stop_WaitsForInvocationsInFlightAndFiresNoMore', async () => {
    const clock = manualClock(0);
    let finish;
    const scheduler = new ProbeScheduler([{
      name: 'probe', region: 'ap-northeast-1', periodMs: 1000,
      invoke: () => new Promise((resolve) => { finish = () => resolve({ ok: true }); }),
    }], clock);
    scheduler.start();

    const stopping = scheduler.stop();
    let stopped = false;
    stopping.then(() => { stopped = true; });
    await Promise.resolve();
    assert.equal(stopped, false);
    finish();
    await stopping;
    await clock.advance(5000);

    assert.equal(scheduler.invocations.length, 1);
    assert.equal(scheduler.invocations[0].ok, true);
  });

  it('Scheduler_FailedInvocation_IsRecordedWithItsError', async () => {
    const clock = manualClock(0);
    const scheduler = new ProbeScheduler([{
      name: 'probe', region: 'eu-west-1', periodMs: 1000,
      invoke: async () => ({ ok: false, error: Object.assign(new Error('denied'), { name: 'AccessDeniedException' }) }),
    }], clock);

    scheduler.start();
    await scheduler.stop();

    assert.equal(scheduler.invocations[0].ok, false);
    assert.match(scheduler.invocations[0].error, /AccessDeniedException: denied/);
  });

  const DEPLOYMENT = {
    functions: [{ name: 'witness-probe', arn: 'arn:aws:lambda:eu-west-1:111122223333:function:witness-probe', region: 'eu-west-1' }],
    schedules: [{
      name: 'witness-schedule', region: 'eu-west-1', state: 'ENABLED', scheduleExpression: 'rate(1 minute)', flexibleTimeWindow: 'OFF',
      target: { arn: 'arn:aws:lambda:eu-west-1:111122223333:function:witness-probe', roleArn: 'arn:aws:iam::111122223333:role/scheduler', input: '{"operation":"probe"}' },
    }],
  };

  it('DeployedSchedules_FastProfile_FiresEveryModelMinuteInWallTime', () => {
    const [schedule] = deployedSchedules({ deployment: DEPLOYMENT, timeScale: 30, emulatorUrl: 'http://127.0.0.1:1', allowed: async () => true });

    assert.equal(schedule.periodMs, 2000);
    assert.equal(schedule.region, 'eu-west-1');
  });

  it('DeployedSchedules_RoleMayNotInvoke_FailsWithoutCallingTheFunction', async () => {
    const asked = [];
    const [schedule] = deployedSchedules({
      deployment: DEPLOYMENT, timeScale: 1, emulatorUrl: 'http://127.0.0.1:1',
      allowed: async (...args) => { asked.push(args); return false; },
    });

    const outcome = await schedule.invoke();

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error.name, 'AccessDeniedException');
    assert.deepEqual(asked, [['arn:aws:iam::111122223333:role/scheduler', 'lambda:InvokeFunction', DEPLOYMENT.functions[0].arn, 'eu-west-1']]);
  });

  it('DeployedSchedules_TargetNotDeployed_IsASetupError', () => {
    const deployment = { ...DEPLOYMENT, functions: [] };

    assert.throws(() => deployedSchedules({ deployment, timeScale: 1, emulatorUrl: 'x', allowed: async () => true }), DrillSetupError);
  });

  it('DeployedSchedules_DisabledSchedule_DoesNotRun', () => {
    const deployment = { ...DEPLOYMENT, schedules: [{ ...DEPLOYMENT.schedules[0], state: 'DISABLED' }] };

    assert.deepEqual(deployedSchedules({ deployment, timeScale: 1, emulatorUrl: 'x', allowed: async () => true }), []);
  });
});
