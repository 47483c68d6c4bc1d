// @ts-check
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
 * The "CloudWatch Alarm State Change" event CloudWatch puts on the default bus of the alarm's own Region when the
 * deployed `alarm` ({ name, region, arn, properties }) enters ALARM. `reading` is its DescribeAlarms state when it
 * is in ALARM (its reason and time are used); otherwise the event is the one such a transition would produce now.
 */
export function alarmEvent(alarm, reading, accountId, now = Date.now(), id = randomUUID()) {
  const inAlarm = reading?.state === 'ALARM';
  const changedAt = inAlarm && reading.updatedAt ? Date.parse(reading.updatedAt) : now;
  return {
    version: '0',
    id,
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    account: accountId,
    time: eventTime(changedAt),
    region: alarm.region,
    resources: [alarm.arn],
    detail: {
      alarmName: alarm.name,
      state: {
        value: 'ALARM',
        reason: inAlarm && reading.reason ? reading.reason : 'Threshold Crossed: 1 out of the last 1 datapoints was less than the threshold (1.0).',
        timestamp: alarmTimestamp(changedAt),
      },
      previousState: { value: 'OK', reason: 'Threshold Crossed: healthy.', timestamp: alarmTimestamp(changedAt - 60_000) },
      configuration: { description: alarm.properties?.AlarmDescription ?? '' },
    },
  };
}

/** The execution input of a manual or raw trigger (alarm triggers are routed through EventBridge: event-routing.mjs). */
export function triggerInput(trigger, { lab }) {
  if ('raw' in trigger) return trigger.raw;
  const manual = { ...trigger.manual };
  if (manual.targetRegion in lab.regions) manual.targetRegion = lab.regions[manual.targetRegion];
  return manual;
}
