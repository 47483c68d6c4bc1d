// @ts-check
// The clients' traffic the lab records (`/_lab/state` → `traffic`, contract K2) and the records' health checks
// (`dns.records`, `dns.healthChecks`, contract K1), read strictly: a lab without them cannot give the user-visible
// RTOs, and the drill says so instead of reporting figures it does not have.
import { DrillSetupError } from './errors.mjs';
import { bucketServed } from './floors.mjs';

/**
 * One completed model second of traffic: bucket [second, second + 1) model seconds since the lab's epoch.
 * @typedef {{ second: number, at: string, reads: number, readsOk: number, writes: number, writesOk: number }} TrafficSecond
 */

/**
 * @typedef {object} Traffic
 * @property {number} clients @property {string} applicationName
 * @property {number} readsPerClientPerSecond @property {number} writesPerClientPerSecond
 * @property {{ name: string, ttlSeconds: number, repointSeconds: number, reconnectSeconds: number, writerRegion: string, available: boolean }} writerEndpoint
 * @property {TrafficSecond[]} seconds in order
 * @property {number} failedReads @property {number} failedWrites
 */

/** @typedef {{ setIdentifier: string, region: string, weight: number, ttl: number, healthCheckId: string | null, healthy: boolean }} DnsRecord */
/** @typedef {{ id: string, region: string, intervalSeconds: number, failureThreshold: number, checkers: number, healthy: boolean }} HealthCheck */

/** The lab's state lacks (or garbles) a document the user-visible RTOs need. */
export class TrafficDataError extends DrillSetupError {
  constructor(message) {
    super(`the lab's /_lab/state ${message}; this lab predates the client model (contracts K1/K2): rebuild tools/DrLab`);
    this.name = 'TrafficDataError';
  }
}

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

function requireNumbers(object, names, where) {
  const missing = names.filter((name) => !isNumber(object?.[name]));
  if (missing.length > 0) throw new TrafficDataError(`has no numeric ${missing.map((name) => `${where}.${name}`).join(', ')}`);
}

/** `state.traffic`, checked field by field. @param {any} state @returns {Traffic} */
export function readTraffic(state) {
  const traffic = state?.traffic;
  if (!traffic || typeof traffic !== 'object') throw new TrafficDataError('has no traffic');
  requireNumbers(traffic, ['clients', 'readsPerClientPerSecond', 'writesPerClientPerSecond', 'failedReads', 'failedWrites'], 'traffic');
  requireNumbers(traffic.writerEndpoint, ['ttlSeconds', 'repointSeconds', 'reconnectSeconds'], 'traffic.writerEndpoint');
  if (!Array.isArray(traffic.seconds)) throw new TrafficDataError('has no traffic.seconds');
  traffic.seconds.forEach((bucket, index) => {
    requireNumbers(bucket, ['second', 'reads', 'readsOk', 'writes', 'writesOk'], `traffic.seconds[${index}]`);
    if (typeof bucket.at !== 'string' || Number.isNaN(Date.parse(bucket.at))) throw new TrafficDataError(`has no ISO time at traffic.seconds[${index}].at`);
  });
  return { ...traffic, seconds: [...traffic.seconds].sort((a, b) => a.second - b.second) };
}

/** `state.dns.records` and `state.dns.healthChecks`, checked. @param {any} state */
export function readRouting(state) {
  const records = state?.dns?.records;
  const healthChecks = state?.dns?.healthChecks;
  if (!Array.isArray(records)) throw new TrafficDataError('has no dns.records');
  if (!Array.isArray(healthChecks)) throw new TrafficDataError('has no dns.healthChecks');
  records.forEach((record, index) => requireNumbers(record, ['weight', 'ttl'], `dns.records[${index}]`));
  healthChecks.forEach((check, index) => requireNumbers(check, ['intervalSeconds', 'failureThreshold', 'checkers'], `dns.healthChecks[${index}]`));
  return { records: /** @type {DnsRecord[]} */ (records), healthChecks: /** @type {HealthCheck[]} */ (healthChecks) };
}

/**
 * Model seconds since the lab's epoch of a wall instant (epoch ms), from a bucket's wall start: the lab's clock runs
 * `timeScale` model seconds per wall second.
 * @param {TrafficSecond[]} seconds @param {number} timeScale @param {number} at
 */
export function modelSecondOf(seconds, timeScale, at) {
  const anchor = seconds[0];
  if (!anchor) throw new TrafficDataError('lists no completed traffic second');
  return anchor.second + ((at - Date.parse(anchor.at)) * timeScale) / 1000;
}

/**
 * The recovery of one kind of request (K3): incident start → the end of the last bucket below 99 % (every later
 * bucket ≥ 99 %). `seconds: 0` when no bucket from the incident on failed; `recovered: false` when the last bucket
 * of the run still failed.
 * @param {TrafficSecond[]} seconds @param {number} incidentModelSecond @param {'reads' | 'writes'} kind
 */
export function recoveryOf(seconds, incidentModelSecond, kind) {
  const okKey = kind === 'reads' ? 'readsOk' : 'writesOk';
  const after = seconds.filter((bucket) => bucket.second + 1 > incidentModelSecond);
  const failed = after.filter((bucket) => !bucketServed(bucket[okKey], bucket[kind]));
  const last = failed.at(-1);
  const lastBucket = after.at(-1);
  const failedRequests = after.reduce((sum, bucket) => sum + bucket[kind] - bucket[okKey], 0);
  if (!last) return { seconds: 0, recovered: true, failedBuckets: 0, failedRequests, lastFailedSecond: null };
  return {
    seconds: last.second + 1 - incidentModelSecond,
    recovered: last !== lastBucket,
    failedBuckets: failed.length,
    failedRequests,
    lastFailedSecond: last.second,
  };
}

/**
 * The weight share of each record's Region in the answers before the incident: the last change submitted before it
 * that set the record's weight, else the lab's normal weights (`DR_NORMAL_WEIGHTS`, primary first).
 * @param {any} state @param {import('./lab-world.mjs').LabDescription} lab @param {number} before epoch ms
 * @returns {Record<string, number>} Region → weight
 */
export function weightsBefore(state, lab, before) {
  const [primary, secondary] = String(lab.env.DR_NORMAL_WEIGHTS ?? '').split(',').map(Number);
  /** @type {Record<string, number>} */
  const weights = {};
  if (Number.isFinite(primary) && Number.isFinite(secondary)) Object.assign(weights, { [lab.regions.primary]: primary, [lab.regions.secondary]: secondary });
  const regionOfSet = Object.fromEntries(Object.entries(lab.setIdentifiers).map(([role, id]) => [id, lab.regions[role]]));
  const changes = (state.dns?.changes ?? []).filter((change) => Date.parse(change.submittedAt) < before)
    .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
  for (const change of changes) {
    for (const line of change.changes ?? []) {
      const match = /^(CREATE|UPSERT)\b.*set-identifier='([^']+)'.*\bweight=(\d+)/.exec(line);
      if (match && regionOfSet[match[2]]) weights[regionOfSet[match[2]]] = Number(match[3]);
    }
  }
  if (Object.keys(weights).length === 0) throw new TrafficDataError('gives no weights before the incident (DR_NORMAL_WEIGHTS in the ready document, or change batches)');
  return weights;
}
