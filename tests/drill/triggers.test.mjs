import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alarmEvent, eventTime, triggerInput } from '../../tools/drill/lib/triggers.mjs';
import { SECONDARY, sampleLab } from './support/fixtures.mjs';

const NOW = Date.parse('2026-11-26T01:02:03.456Z');

describe('triggers', () => {
  it('EventTime_Milliseconds_AreDropped', () => {
    assert.equal(eventTime(NOW), '2026-11-26T01:02:03Z');
  });

  const ALARM = {
    name: 'drlambdas-primary-health-check', region: 'us-east-1',
    arn: 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:drlambdas-primary-health-check',
    properties: { AlarmDescription: 'The primary Region\'s Route 53 health check reports unhealthy.' },
  };

  it('AlarmEvent_AlarmInAlarm_UsesItsReasonTimeAndItsOwnRegion', () => {
    const reading = { name: ALARM.name, state: 'ALARM', updatedAt: '2026-11-26T01:00:00.000Z', reason: 'Threshold Crossed: 1 datapoint' };

    const event = alarmEvent(ALARM, reading, '111122223333', NOW, 'id-1');

    assert.equal(event.source, 'aws.cloudwatch');
    assert.equal(event['detail-type'], 'CloudWatch Alarm State Change');
    assert.equal(event.time, '2026-11-26T01:00:00Z');
    assert.equal(event.region, 'us-east-1');
    assert.equal(event.account, '111122223333');
    assert.deepEqual(event.resources, [ALARM.arn]);
    assert.equal(event.detail.alarmName, ALARM.name);
    assert.deepEqual(event.detail.state, { value: 'ALARM', reason: 'Threshold Crossed: 1 datapoint', timestamp: '2026-11-26T01:00:00.000+0000' });
    assert.equal(event.detail.previousState.value, 'OK');
    assert.equal(event.detail.configuration.description, ALARM.properties.AlarmDescription);
  });

  it('AlarmEvent_AlarmStillOk_DescribesATransitionNow', () => {
    const event = alarmEvent(ALARM, { name: ALARM.name, state: 'OK', updatedAt: '2026-11-26T00:00:00Z' }, '111122223333', NOW, 'id-2');

    assert.equal(event.time, '2026-11-26T01:02:03Z');
    assert.equal(event.detail.state.value, 'ALARM');
  });

  it('TriggerInput_Manual_ResolvesTheTargetRole', () => {
    const input = triggerInput({ manual: { mode: 'failover', targetRegion: 'secondary', force: true } }, { lab: sampleLab() });

    assert.deepEqual(input, { mode: 'failover', targetRegion: SECONDARY, force: true });
  });

  it('TriggerInput_Raw_IsPassedUnchanged', () => {
    const raw = { detail: { alarmName: 42 } };

    assert.equal(triggerInput({ raw }, { lab: sampleLab() }), raw);
  });
});
