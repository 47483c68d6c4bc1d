// The lab's IAM simulation (contract C1) and the alarm reading the drill relies on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeAlarmParameters, parseAlarm } from '../../tools/drill/lib/alarms.mjs';
import { DrillSetupError } from '../../tools/drill/lib/errors.mjs';
import { labSimulator } from '../../tools/drill/lib/lab-iam.mjs';
import { fakeServer } from './support/fake-server.mjs';

const REQUEST = { principal: 'arn:aws:iam::111122223333:role/r', action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:ap-northeast-1:111122223333:function:f', context: { 'aws:RequestedRegion': ['ap-northeast-1'] } };

describe('labSimulator', () => {
  it('Simulate_SameQuestionTwice_AsksTheLabOnceAndReturnsItsDecision', async () => {
    const server = await fakeServer(() => ({ body: JSON.stringify({ decision: 'implicitDeny', matchedStatement: null }) }));
    try {
      const simulate = labSimulator(server.url);

      const [first, second] = [await simulate(REQUEST), await simulate(REQUEST)];

      assert.equal(first.decision, 'implicitDeny');
      assert.equal(second, first);
      assert.equal(server.requests.length, 1);
      assert.deepEqual([server.requests[0].method, server.requests[0].url, JSON.parse(server.requests[0].body)], ['POST', '/_lab/iam/simulate', REQUEST]);
    } finally {
      await server.close();
    }
  });

  it('Simulate_LabWithoutIam_IsASetupErrorNamingTheContract', async () => {
    const server = await fakeServer(() => ({ status: 404, body: '{}' }));
    try {
      await assert.rejects(labSimulator(server.url)(REQUEST), (error) => error instanceof DrillSetupError && /contract C1/.test(error.message));
    } finally {
      await server.close();
    }
  });
});

describe('alarms', () => {
  it('DescribeAlarmParameters_OneName_AwsQueryMember', () => {
    assert.deepEqual(describeAlarmParameters('a'), { Action: 'DescribeAlarms', Version: '2010-08-01', 'AlarmNames.member.1': 'a' });
  });

  it('ParseAlarm_MetricAlarm_StateReasonAndTime', () => {
    const xml = '<DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms><member><AlarmName>a</AlarmName><StateValue>ALARM</StateValue><StateReason>Threshold Crossed</StateReason><StateUpdatedTimestamp>2026-11-26T00:00:00.000Z</StateUpdatedTimestamp></member></MetricAlarms></DescribeAlarmsResult></DescribeAlarmsResponse>';
    assert.deepEqual(parseAlarm(xml), { name: 'a', state: 'ALARM', reason: 'Threshold Crossed', updatedAt: '2026-11-26T00:00:00.000Z' });
  });

  it('ParseAlarm_NoAlarmInTheRegion_IsUndefined', () => {
    assert.equal(parseAlarm('<DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms/></DescribeAlarmsResult></DescribeAlarmsResponse>'), undefined);
  });
});
