// Execution inputs from scenario triggers: the EventBridge alarm event, a manual start document, or raw input.
import { randomUUID } from 'node:crypto';

/** ISO-8601 UTC without milliseconds, as EventBridge writes `time`. */
export function eventTime(epochMs) {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** CloudWatch's alarm timestamp format: 2026-11-26T00:00:00.000+0000. */
function alarmTimestamp(epochMs) {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

/**
 * The "CloudWatch Alarm State Change" event EventBridge delivers when the alarm watching `role`'s Region enters
 * ALARM. `alarm` is the lab's alarm document when it is in ALARM (its reason and time are used); otherwise the event
 * is the one such a transition would produce now.
 */
export function alarmEvent(lab, role, observerRegion, alarm, now = Date.now(), id = randomUUID()) {
  const name = lab.alarmNames[role];
  const inAlarm = alarm?.state === 'ALARM';
  const changedAt = inAlarm ? Date.parse(alarm.updatedAt) : now;
  return {
    version: '0',
    id,
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    account: lab.accountId,
    time: eventTime(changedAt),
    region: observerRegion,
    resources: [`arn:aws:cloudwatch:${observerRegion}:${lab.accountId}:alarm:${name}`],
    detail: {
      alarmName: name,
      state: {
        value: 'ALARM',
        reason: inAlarm ? alarm.reason : `Threshold Crossed: the Route 53 health check of ${lab.regions[role]} reported unhealthy.`,
        timestamp: alarmTimestamp(changedAt),
      },
      previousState: { value: 'OK', reason: 'Threshold Crossed: healthy.', timestamp: alarmTimestamp(changedAt - 60_000) },
      configuration: { description: `Route 53 health check of ${lab.regions[role]} failing` },
    },
  };
}

/** The execution input of a trigger; `alarms` are the lab's alarm documents at the moment of the trigger. */
export function triggerInput(trigger, { lab, observerRegion, alarms = [], now = Date.now() }) {
  if ('raw' in trigger) return trigger.raw;
  if ('manual' in trigger) {
    const manual = { ...trigger.manual };
    if (manual.targetRegion in lab.regions) manual.targetRegion = lab.regions[manual.targetRegion];
    return manual;
  }
  const name = lab.alarmNames[trigger.alarm];
  return alarmEvent(lab, trigger.alarm, observerRegion, alarms.find((alarm) => alarm.name === name), now);
}
