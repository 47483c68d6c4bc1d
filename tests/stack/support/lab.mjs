// Lab facts and the lab parameter file for tests of the real templates.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PARAMETER_FILE } from '../../../tools/stack/lab-parameters.mjs';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const PRIMARY = 'ap-east-2';
export const SECONDARY = 'ap-northeast-1';
export const ACCOUNT = '111122223333';

/** The ready document's env of a fast-profile lab (tools/DrLab Control/ReadyDocuments.cs). */
export function labEnv(baseUrl = 'http://127.0.0.1:5999') {
  return {
    AWS_ENDPOINT_URL: baseUrl,
    AWS_ACCESS_KEY_ID: 'AKIDDRLAB',
    AWS_SECRET_ACCESS_KEY: 'drlab-secret',
    AWS_REGION: SECONDARY,
    DR_PRIMARY_REGION: PRIMARY,
    DR_SECONDARY_REGION: SECONDARY,
    DR_GLOBAL_CLUSTER_ID: 'drlab-global',
    DR_PRIMARY_CLUSTER_ARN: `arn:aws:rds:${PRIMARY}:${ACCOUNT}:cluster:app-${PRIMARY}`,
    DR_SECONDARY_CLUSTER_ARN: `arn:aws:rds:${SECONDARY}:${ACCOUNT}:cluster:app-${SECONDARY}`,
    DR_HOSTED_ZONE_ID: 'Z0DRLAB0123456789ABC',
    DR_RECORD_NAME: 'api.example.com.',
    DR_RECORD_TYPE: 'A',
    DR_PRIMARY_SET_IDENTIFIER: 'tpe',
    DR_SECONDARY_SET_IDENTIFIER: 'nrt',
    DR_NORMAL_WEIGHTS: '70,30',
    DR_PRIMARY_HEALTH_URL: `${baseUrl}/app/${PRIMARY}/actuator/health`,
    DR_SECONDARY_HEALTH_URL: `${baseUrl}/app/${SECONDARY}/actuator/health`,
    DR_PRIMARY_HEALTH_CHECK_ID: '0d7a1b2c-3e4f-4a5b-8c6d-000000000001',
    DR_SECONDARY_HEALTH_CHECK_ID: '0d7a1b2c-3e4f-4a5b-8c6d-000000000002',
    DR_ALARM_NAMES: `drlab-${PRIMARY}-unhealthy`,
    DR_SECONDARY_ALARM_NAMES: `drlab-${SECONDARY}-unhealthy`,
    DR_STATE_MACHINE_ARN: `arn:aws:states:${SECONDARY}:${ACCOUNT}:stateMachine:dr-failover`,
    DR_HEALTH_CHECK_INTERVAL_SECONDS: '1',
    DR_HEALTH_CHECK_FAILURE_THRESHOLD: '3',
    DR_ALARM_EVALUATION_SECONDS: '2',
    DR_DNS_TTL_SECONDS: '2',
    DR_PROMOTION_ESTIMATE_SECONDS: '2',
    DR_SWITCHOVER_ESTIMATE_SECONDS: '4',
    DR_PROPAGATION_ESTIMATE_SECONDS: '2',
  };
}

export function labFacts(overrides = {}) {
  return { env: labEnv(), accountId: ACCOUNT, recoveryRegion: SECONDARY, timeScale: 30, ...overrides };
}

/** Whether template.yaml already declares contract C4's parameters (H5's change). */
export function templateHasC4() {
  return /^\s{2}PrimaryHealthCheckAlarmName:/m.test(readFileSync(join(ROOT, 'template.yaml'), 'utf8'));
}

/**
 * The lab parameter file for the templates in this tree. Until template.yaml declares contract C4's parameters,
 * a copy that passes the forwarder's HealthCheckAlarmNames output to the main stack's HealthCheckAlarmNames
 * (the wiring before C4); the real file once it does.
 */
export function parameterFileForTree() {
  if (templateHasC4()) return DEFAULT_PARAMETER_FILE;
  const file = JSON.parse(readFileSync(DEFAULT_PARAMETER_FILE, 'utf8'));
  const main = file.stacks.find((stack) => stack.name === 'main');
  delete main.parameters.PrimaryHealthCheckAlarmName;
  delete main.parameters.SecondaryHealthCheckAlarmName;
  main.parameters.HealthCheckAlarmNames = { fromOutput: 'forwarder.HealthCheckAlarmNames' };
  const path = join(mkdtempSync(join(tmpdir(), 'stack-params-')), 'lab-parameters.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}
