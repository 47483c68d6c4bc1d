// Sample lab documents and execution records for the drill runner's tests, shaped like tools/DrLab's control API.
import { describeLab } from '../../../tools/drill/lib/lab-world.mjs';
import { ExecutionRecord } from '../../../tools/drill/lib/execution-record.mjs';

export const PRIMARY = 'ap-east-2';
export const SECONDARY = 'ap-northeast-1';

export function readyDocument(overrides = {}) {
  return {
    baseUrl: 'http://127.0.0.1:5999',
    profile: 'fast',
    timeScale: 30,
    observerRegion: SECONDARY,
    topicArns: { [PRIMARY]: `arn:aws:sns:${PRIMARY}:111122223333:dr-notifications`, [SECONDARY]: `arn:aws:sns:${SECONDARY}:111122223333:dr-notifications` },
    env: {
      AWS_ENDPOINT_URL: 'http://127.0.0.1:5999',
      AWS_ACCESS_KEY_ID: 'AKIDDRLAB',
      AWS_SECRET_ACCESS_KEY: 'drlab-secret',
      AWS_REGION: SECONDARY,
      DR_PRIMARY_REGION: PRIMARY,
      DR_SECONDARY_REGION: SECONDARY,
      DR_PRIMARY_CLUSTER_ARN: `arn:aws:rds:${PRIMARY}:111122223333:cluster:app-${PRIMARY}`,
      DR_SECONDARY_CLUSTER_ARN: `arn:aws:rds:${SECONDARY}:111122223333:cluster:app-${SECONDARY}`,
      DR_PRIMARY_SET_IDENTIFIER: 'tpe',
      DR_SECONDARY_SET_IDENTIFIER: 'nrt',
      DR_NORMAL_WEIGHTS: '70,30',
      DR_PRIMARY_HEALTH_CHECK_ID: '0d7a1b2c-3e4f-4a5b-8c6d-000000000001',
      DR_SECONDARY_HEALTH_CHECK_ID: '0d7a1b2c-3e4f-4a5b-8c6d-000000000002',
      DR_ALARM_NAMES: `drlab-${PRIMARY}-unhealthy`,
      DR_SECONDARY_ALARM_NAMES: `drlab-${SECONDARY}-unhealthy`,
      DR_STATE_MACHINE_ARN: `arn:aws:states:${SECONDARY}:111122223333:stateMachine:dr-failover`,
      DR_HEALTH_CHECK_INTERVAL_SECONDS: '1',
      DR_PROMOTION_ESTIMATE_SECONDS: '2',
    },
    ...overrides,
  };
}

export function sampleLab(overrides) {
  return describeLab(readyDocument(overrides));
}

const iso = (ms) => new Date(ms).toISOString();

/** The lab epoch of labState(t): one wall second (30 model seconds in the fast profile) before the fault at t. */
export const EPOCH_OFFSET_MS = -1_000;

/**
 * `traffic` of /_lab/state (contract K2): `clients` clients, one read and one write each per model second; buckets
 * 0 … count − 1 from the epoch `epoch` (wall ms), with `failing(second)` → { reads, writes } failed in each.
 */
export function trafficDocument(epoch, { timeScale = 30, clients = 200, count = 240, failing = () => ({ reads: 0, writes: 0 }) } = {}) {
  const seconds = Array.from({ length: count }, (_, second) => {
    const failed = failing(second);
    return { second, at: iso(epoch + (second * 1000) / timeScale), reads: clients, readsOk: clients - failed.reads, writes: clients, writesOk: clients - failed.writes };
  });
  return {
    clients,
    applicationName: 'api.example.com.',
    readsPerClientPerSecond: 1,
    writesPerClientPerSecond: 1,
    writerEndpoint: { name: 'drlab-global.global-drlab.global.rds.amazonaws.com', ttlSeconds: 5, repointSeconds: 1, reconnectSeconds: 2, writerRegion: SECONDARY, available: true },
    seconds,
    failedReads: seconds.reduce((sum, b) => sum + b.reads - b.readsOk, 0),
    failedWrites: seconds.reduce((sum, b) => sum + b.writes - b.writesOk, 0),
  };
}

/**
 * What the sample failover does to the clients (model seconds since the epoch; the fault starts at 30): 140 of 200
 * on the primary fail until detection at 114, then drain to 3 by 172; every write fails until 222 (the promotion ends
 * at 216, + re-point 1 s + reconnect 2 s, + 3 s of the endpoint's TTL).
 */
export function sampleFailing(second) {
  let reads = 0;
  if (second >= 30 && second < 114) reads = 140;
  else if (second >= 114 && second <= 172) reads = Math.max(3, Math.round(140 - ((second - 114) * 137) / 58));
  return { reads, writes: second >= 30 && second < 222 ? 200 : 0 };
}

/** `dns.records` and `dns.healthChecks` of /_lab/state (contract K1), the primary's record with its health check. */
export function routingDocuments({ primaryHealthCheck = true } = {}) {
  const primaryId = '0d7a1b2c-3e4f-4a5b-8c6d-000000000001';
  const secondaryId = '0d7a1b2c-3e4f-4a5b-8c6d-000000000002';
  return {
    records: [
      { setIdentifier: 'tpe', region: PRIMARY, weight: 0, ttl: 60, healthCheckId: primaryHealthCheck ? primaryId : null, healthy: false },
      { setIdentifier: 'nrt', region: SECONDARY, weight: 100, ttl: 60, healthCheckId: secondaryId, healthy: true },
    ],
    healthChecks: [
      { id: primaryId, region: PRIMARY, intervalSeconds: 30, failureThreshold: 3, checkers: 8, healthy: false },
      { id: secondaryId, region: SECONDARY, intervalSeconds: 30, failureThreshold: 3, checkers: 8, healthy: true },
    ],
  };
}

/** A lab state document; `t` is the epoch the times are built from. */
export function labState(t, overrides = {}) {
  return {
    now: iso(t + 60_000),
    startedAt: iso(t + EPOCH_OFFSET_MS),
    profile: 'fast',
    timeScale: 30,
    observerRegion: SECONDARY,
    database: {
      writerRegion: SECONDARY,
      currentOperation: null,
      operations: [{ id: 'op1', kind: 'Failover', fromRegion: PRIMARY, toRegion: SECONDARY, startedAt: iso(t + 4_200), finishedAt: iso(t + 6_200), outcome: 'Completed', lostWrites: 8 }],
    },
    dns: {
      weights: [{ setIdentifier: 'tpe', region: PRIMARY, weight: 0 }, { setIdentifier: 'nrt', region: SECONDARY, weight: 100 }],
      changes: [{ id: '/change/C1', status: 'INSYNC', submittedAt: iso(t + 4_300), insyncAt: iso(t + 6_300), comment: 'dr-x', changes: [] }],
      ...routingDocuments(),
    },
    traffic: trafficDocument(t + EPOCH_OFFSET_MS, { failing: sampleFailing }),
    lostWrites: { count: 8, spanSeconds: 0.027, modelSpanSeconds: 0.8, events: [{ count: 8, firstSequence: 93, lastSequence: 100, modelSpanSeconds: 0.8, at: iso(t + 4_200) }] },
    messages: [{ subject: 'DrLambdas: recovered', message: 'Failover to ap-northeast-1 complete', attributes: { severity: 'high' }, publishedAt: iso(t + 7_000) }],
    alarms: [{ name: `drlab-${PRIMARY}-unhealthy`, watchedRegion: PRIMARY, state: 'ALARM', updatedAt: iso(t + 3_000), reason: 'Threshold Crossed: 1 datapoint [0.0] was less than the threshold (1.0).' }],
    faults: [{ id: 'f1', kind: 'RegionOutage', status: 'active', region: PRIMARY, startsAt: iso(t) }],
    ...overrides,
  };
}

/** A failover execution record that failed over between t+4 s and t+7 s, with Wait pauses in both branches. */
export function failoverRecord(t) {
  const record = new ExecutionRecord({ id: 'alarm', machine: 'failover', name: 'alarm-x', executionArn: 'arn:aws:states:ap-northeast-1:111122223333:execution:dr-failover:alarm-x', startedAt: t + 4_000, input: {} });
  record.branches = { ExecuteRecovery: [['DatabaseChangeRequired', 'PromoteStart', 'PromoteStatus', 'WaitForPromotion', 'PromotionComplete'], ['DnsApply', 'WaitForPropagation', 'DnsStatus', 'TrafficMoved']] };
  const span = (name, type, from, to) => {
    record.onEvent({ type: 'StateEntered', timestamp: t + from, state: { name, type } });
    record.onEvent({ type: 'StateExited', timestamp: t + to, state: { name, type } });
  };
  span('Initialize', 'Pass', 4_010, 4_010);
  span('Validate', 'Task', 4_010, 4_150);
  span('RouteDecision', 'Choice', 4_150, 4_150);
  record.onEvent({ type: 'StateEntered', timestamp: t + 4_150, state: { name: 'ExecuteRecovery', type: 'Parallel' } });
  span('PromoteStart', 'Task', 4_160, 4_220);
  span('PromoteStatus', 'Task', 4_220, 4_240);
  span('WaitForPromotion', 'Wait', 4_240, 6_240);
  span('PromoteStatus', 'Task', 6_240, 6_260);
  span('PromotionComplete', 'Pass', 6_260, 6_260);
  span('DnsApply', 'Task', 4_160, 4_300);
  span('WaitForPropagation', 'Wait', 4_300, 6_300);
  span('DnsStatus', 'Task', 6_300, 6_320);
  span('TrafficMoved', 'Pass', 6_320, 6_320);
  record.onEvent({ type: 'StateExited', timestamp: t + 6_330, state: { name: 'ExecuteRecovery', type: 'Parallel' } });
  span('CollectActions', 'Pass', 6_330, 6_330);
  span('Verify', 'Task', 6_330, 6_500);
  span('NotifyReport', 'Task', 6_500, 6_520);
  span('Recovered', 'Succeed', 6_520, 6_520);
  const invoke = (state, target, operation, from, to, extra = {}) => record.onInvocation({ state, target, operation, occurrence: 1, attempt: 1, from: t + from, to: t + to, ok: true, result: {}, coldStart: false, ...extra });
  invoke('Validate', 'HealthValidator', 'assess', 4_020, 4_140, {
    result: { decision: { action: 'Failover', estimatedDataLossSeconds: 0.8, reasons: [{ code: 'PrimaryDownByQuorum', message: 'The primary is down.' }] }, rtoBudget: { totalSeconds: 215, reachable: false, explanation: 'x', items: [{ name: 'detection', seconds: 90, explanation: 'y' }, { name: 'promotion', seconds: 60, explanation: 'z' }] },
      servingRtoBudget: { targetSeconds: 60, totalSeconds: 150, reachable: false, explanation: 's', items: [{ name: 'health-check-detection', seconds: 90, explanation: 'a' }, { name: 'dns-ttl', seconds: 60, explanation: 'b' }] },
      writeRtoBudget: { targetSeconds: 60, totalSeconds: 235, reachable: false, explanation: 'w', items: [{ name: 'detection', seconds: 150, explanation: 'c' }, { name: 'decision', seconds: 5, explanation: 'd' }, { name: 'promotion', seconds: 60, explanation: 'e' }, { name: 'writer-endpoint', seconds: 15, explanation: 'f' }, { name: 'reconnect', seconds: 5, explanation: 'g' }] } },
    coldStart: true,
  });
  invoke('PromoteStart', 'AuroraPromoter', 'start', 4_165, 4_215);
  invoke('DnsApply', 'DnsUpdater', 'apply', 4_165, 4_295);
  invoke('Verify', 'HealthValidator', 'verify', 6_335, 6_495);
  invoke('NotifyReport', 'SNS', undefined, 6_502, 6_518);
  record.finish({ status: 'SUCCEEDED', output: {} }, t + 6_520);
  return record;
}

/** A scenario runner result around `failoverRecord`. */
export function scenarioResult(t, overrides = {}) {
  return {
    scenario: { name: 'primary-region-outage', title: 'Primary Region outage', description: '', source: 'scenarios/primary-region-outage.json', expect: {} },
    profile: 'fast',
    timeScale: 30,
    observer: SECONDARY,
    model: { DR_RTO_TARGET_SECONDS: 60, DR_RPO_TARGET_SECONDS: 0 },
    startedAt: t - 100,
    finishedAt: t + 7_000,
    marks: [
      { at: t, kind: 'fault', faultKind: 'RegionOutage', label: 'RegionOutage primary (ap-east-2)' },
      { at: t + 3_000, kind: 'alarm', label: `drlab-${PRIMARY}-unhealthy ALARM` },
      { at: t + 4_000, kind: 'trigger', label: 'alarm started' },
    ],
    records: [failoverRecord(t)],
    hookEvents: [],
    unfiredHooks: [],
    stepErrors: [],
    finalState: labState(t),
    ...overrides,
  };
}
