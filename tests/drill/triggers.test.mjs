import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alarmEvent, eventTime, triggerInput } from '../../tools/drill/lib/triggers.mjs';
import { PRIMARY, SECONDARY, sampleLab } from './support/fixtures.mjs';

const NOW = Date.parse('2026-11-26T01:02:03.456Z');

describe('triggers', () => {
  it('EventTime_Milliseconds_AreDropped', () => {
    assert.equal(eventTime(NOW), '2026-11-26T01:02:03Z');
  });

  it('AlarmEvent_AlarmInAlarm_UsesItsReasonAndTime', () => {
    const alarm = { name: `drlab-${PRIMARY}-unhealthy`, state: 'ALARM', updatedAt: '2026-11-26T01:00:00Z', reason: 'Threshold Crossed: 1 datapoint' };

    const event = alarmEvent(sampleLab(), 'primary', SECONDARY, alarm, NOW, 'id-1');

    assert.equal(event.source, 'aws.cloudwatch');
    assert.equal(event['detail-type'], 'CloudWatch Alarm State Change');
    assert.equal(event.time, '2026-11-26T01:00:00Z');
    assert.equal(event.region, SECONDARY);
    assert.deepEqual(event.resources, [`arn:aws:cloudwatch:${SECONDARY}:111122223333:alarm:drlab-${PRIMARY}-unhealthy`]);
    assert.equal(event.detail.alarmName, `drlab-${PRIMARY}-unhealthy`);
    assert.deepEqual(event.detail.state, { value: 'ALARM', reason: 'Threshold Crossed: 1 datapoint', timestamp: '2026-11-26T01:00:00.000+0000' });
    assert.equal(event.detail.previousState.value, 'OK');
  });

  it('AlarmEvent_AlarmStillOk_DescribesATransitionNow', () => {
    const event = alarmEvent(sampleLab(), 'secondary', SECONDARY, { state: 'OK', updatedAt: '2026-11-26T00:00:00Z' }, NOW, 'id-2');

    assert.equal(event.time, '2026-11-26T01:02:03Z');
    assert.equal(event.detail.alarmName, `drlab-${SECONDARY}-unhealthy`);
    assert.equal(event.detail.state.value, 'ALARM');
  });

  it('TriggerInput_Manual_ResolvesTheTargetRole', () => {
    const input = triggerInput({ manual: { mode: 'failover', targetRegion: 'secondary', force: true } }, { lab: sampleLab(), observerRegion: SECONDARY });

    assert.deepEqual(input, { mode: 'failover', targetRegion: SECONDARY, force: true });
  });

  it('TriggerInput_Raw_IsPassedUnchanged', () => {
    const raw = { detail: { alarmName: 42 } };

    assert.equal(triggerInput({ raw }, { lab: sampleLab(), observerRegion: SECONDARY }), raw);
  });

  it('TriggerInput_Alarm_PicksTheAlarmOfTheRole', () => {
    const alarms = [
      { name: `drlab-${PRIMARY}-unhealthy`, state: 'ALARM', updatedAt: '2026-11-26T00:59:00Z', reason: 'primary down' },
      { name: `drlab-${SECONDARY}-unhealthy`, state: 'OK', updatedAt: '2026-11-26T00:00:00Z', reason: 'fine' },
    ];

    const input = triggerInput({ alarm: 'primary' }, { lab: sampleLab(), observerRegion: SECONDARY, alarms, now: NOW });

    assert.equal(input.detail.state.reason, 'primary down');
  });
});
