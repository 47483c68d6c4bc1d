// @ts-check
// A deployed alarm's state, read as any client would: CloudWatch DescribeAlarms in the alarm's Region.
import { xmlText } from './aws-client.mjs';

/**
 * @typedef {{ name: string, region: string, arn: string, composite?: boolean }} DeployedAlarm
 * `composite`: an AWS::CloudWatch::CompositeAlarm, which DescribeAlarms lists only when AlarmTypes asks for it.
 * @typedef {{ name: string, state: string, reason?: string, updatedAt?: string } | undefined} AlarmReading
 */

/** The DescribeAlarms parameters for one alarm name (both alarm types when `composite`). @param {string} name @param {boolean} [composite] */
export function describeAlarmParameters(name, composite = false) {
  const parameters = { Action: 'DescribeAlarms', Version: '2010-08-01', 'AlarmNames.member.1': name };
  return composite ? { ...parameters, 'AlarmTypes.member.1': 'CompositeAlarm', 'AlarmTypes.member.2': 'MetricAlarm' } : parameters;
}

/** Reads the first alarm (metric or composite) of a DescribeAlarms response, or undefined when there is none. @param {string} xml */
export function parseAlarm(xml) {
  const name = xmlText(xml, 'AlarmName');
  if (name === undefined) return undefined;
  return { name, state: xmlText(xml, 'StateValue') ?? 'INSUFFICIENT_DATA', reason: xmlText(xml, 'StateReason'), updatedAt: xmlText(xml, 'StateUpdatedTimestamp') };
}

/** The alarm's current state (undefined when its Region does not have it). @param {any} aws @param {DeployedAlarm} alarm */
export async function readAlarm(aws, alarm) {
  return parseAlarm(await aws.query('monitoring', alarm.region, describeAlarmParameters(alarm.name, alarm.composite === true)));
}
