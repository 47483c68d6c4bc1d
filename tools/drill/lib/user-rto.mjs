// @ts-check
// What users see (contract K3): the serving RTO and the write RTO from the lab's per-second traffic, each beside its
// floor for the path actually configured, and the failed requests. Model seconds throughout (the lab's clock).
import { actingExecution } from './measure.mjs';
import {
  bucketedFloor,
  clientsForFailedBucket,
  healthCheckDetectionFloor,
  tailSlack,
  triggerDetectionFloor,
  ttlDrainFloor,
  writerPathSeconds,
} from './floors.mjs';
import { modelSecondOf, readRouting, readTraffic, recoveryOf, weightsBefore } from './traffic.mjs';
import { OUTAGE_KINDS } from './vocabulary.mjs';
import { databaseOperations } from './world.mjs';

/** Faults that keep a Region from serving reads steadily (its health endpoint answers DOWN too). */
const STEADY_OUTAGES = ['RegionOutage', 'AppOutage', 'DatabaseOutage'];
/** Of those, the ones that take the writer database down with them. */
const WRITER_OUTAGES = ['RegionOutage', 'DatabaseOutage'];

const round = (value, digits = 1) => (value === null || value === undefined ? value : Number(value.toFixed(digits)));

/**
 * One user-visible RTO. `seconds`: incident start → end of the last bucket below 99 %; `floorSeconds`: its lower bound
 * (null when the model gives none for this incident, `floor.reason` says why); `failed`: failed requests of the run.
 * @typedef {object} UserRto
 * @property {boolean} applicable @property {string} [reason]
 * @property {number | null} seconds @property {number | null} floorSeconds @property {number} failed
 * @property {boolean} [recovered] @property {number} [failedBuckets]
 * @property {number | null} [endedAt] the wall instant the last failed bucket ended (epoch ms; relative in the report)
 * @property {{ path: string, terms: { name: string, seconds: number }[], explanation: string, reason?: string } | null} [floor]
 * @property {{ totalSeconds: number, targetSeconds: number, reachable: boolean, items: { name: string, seconds: number }[] }} [budget]
 *   what assess computed from the configuration for this path (servingRtoBudget / writeRtoBudget)
 */

/**
 * A floor as computed (seconds from the incident start), or why there is none.
 * @typedef {{ seconds?: number, path?: string, terms?: { name: string, seconds: number }[], explanation?: string, reason?: string }} Floor
 */

/**
 * The incident of the user-visible RTOs: the earliest fault of an outage kind, from the lab's ground truth.
 * @param {any} state
 */
export function userIncident(state) {
  return (state.faults ?? [])
    .filter((fault) => OUTAGE_KINDS.includes(fault.kind))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}

function writerAt(state, at) {
  const next = databaseOperations(state).find((op) => Date.parse(op.startedAt) >= at);
  return next ? next.fromRegion : state.database.writerRegion;
}

/**
 * The serving floor: how long at least the failed Region's clients keep failing buckets, by the earliest way the
 * answers can stop naming it — its record's health check (detection floor over the checkers' phase) or the first DNS
 * change after the incident (as the lab propagates it) — plus the TTL drain of the 99 % criterion.
 * @returns {Floor}
 */
function servingFloor({ incident, failed, traffic, routing, weights, modelOf, changes }) {
  const record = routing.records.find((candidate) => candidate.region === failed);
  if (!record) return { reason: `no weighted record answers for ${failed}` };
  const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
  const share = total > 0 ? (weights[failed] ?? 0) / total : 0;
  const check = record.healthCheckId ? routing.healthChecks.find((candidate) => candidate.id === record.healthCheckId) : undefined;
  const paths = [];
  if (check) {
    paths.push({
      path: `health check ${check.id} on the record`,
      name: `health-check detection (${check.checkers} checkers, ${check.intervalSeconds} s × ${check.failureThreshold})`,
      seconds: healthCheckDetectionFloor(check),
    });
  }
  const change = changes.find((candidate) => Date.parse(candidate.submittedAt) >= incident.at);
  if (change) {
    paths.push({ path: 'the orchestrated DNS change', name: 'orchestrated path (the lab answers a change from its submission; INSYNC is when every Route 53 server does)', seconds: modelOf(Date.parse(change.submittedAt)) - incident.model });
  }
  if (paths.length === 0) return { reason: `nothing takes ${failed} out of the answers: no health check on its record and no DNS change after the incident` };
  const first = paths.reduce((best, candidate) => (candidate.seconds < best.seconds ? candidate : best));
  const ttl = ttlDrainFloor({ ttlSeconds: record.ttl, clients: traffic.clients, readsPerClientPerSecond: traffic.readsPerClientPerSecond, share });
  const needed = clientsForFailedBucket(traffic.clients, traffic.readsPerClientPerSecond);
  const slack = tailSlack(share, needed);
  const faultEnd = incident.endsAt === undefined ? Infinity : modelOf(incident.endsAt) - incident.model;
  const failing = Math.min(first.seconds + ttl, faultEnd);
  const explanation = `${first.path}: ${first.name} ${round(first.seconds)} s + TTL drain ${round(ttl)} s `
    + `(TTL ${record.ttl} s spread over ${traffic.clients} clients; a bucket fails with ${needed} client(s) still on ${failed}, `
    + `${failed} held ${round(share * 100, 0)} % of the answers, ${Number.isFinite(slack) ? slack : 'all'} client(s) of slack for the RNG)`
    + `${faultEnd < first.seconds + ttl ? `, cut at the fault's end ${round(faultEnd)} s` : ''}, to the last whole model second`;
  return {
    path: first.path,
    seconds: bucketedFloor(incident.model, failing),
    terms: [{ name: first.name, seconds: round(first.seconds, 3) }, { name: 'TTL drain (99 % criterion)', seconds: round(ttl, 3) }],
    explanation,
  };
}

/**
 * The triggers the deployment configures for the failed Region, as the floors model them: its record's health check
 * (the HealthCheckStatus alarm) and, with a witness, the probe alarm (the deployed parameters, model seconds). The
 * probe alarm's shape is the deployed alarms' (`deployed`, when the drill read it) or the functions' configuration.
 * @param {any} routing @param {string} failed @param {Record<string, number | string>} model
 * @param {number} ingestionDelaySeconds
 * @param {{ periodSeconds: number, datapointsToAlarm: number } | null} [deployed]
 */
export function configuredTriggers(routing, failed, model, ingestionDelaySeconds, deployed) {
  const record = routing.records.find((candidate) => candidate.region === failed);
  const healthCheck = record?.healthCheckId ? routing.healthChecks.find((candidate) => candidate.id === record.healthCheckId) : undefined;
  const witness = typeof model.DR_WITNESS_REGION === 'string' && model.DR_WITNESS_REGION !== '';
  const probeAlarm = (deployed || witness) && model.DR_PROBE_INTERVAL_SECONDS !== undefined
    ? {
      probeIntervalSeconds: Number(model.DR_PROBE_INTERVAL_SECONDS),
      periodSeconds: Number(deployed?.periodSeconds ?? model.DR_PROBE_ALARM_PERIOD_SECONDS),
      datapointsToAlarm: Number(deployed?.datapointsToAlarm ?? model.DR_PROBE_ALARM_DATAPOINTS_TO_ALARM),
    }
    : undefined;
  return { healthCheck, probeAlarm, ingestionDelaySeconds };
}

/**
 * The writes' own path back when the incident took the writer: the promotion, the endpoint's re-point, reconnection.
 * Detection is the observed one (incident → execution start), never less than the floor of the triggers configured: a
 * faster detection than the model allows raises the floor above the measurement, which the benchmark check reports.
 * @returns {Floor}
 */
function writerFloor({ incident, failed, traffic, state, records, modelOf, triggers }) {
  const operation = databaseOperations(state).find((op) => Date.parse(op.startedAt) >= incident.at && op.outcome === 'Completed' && op.toRegion !== failed && op.finishedAt);
  if (!operation) return { reason: `the writer was in ${failed} and no promotion completed after the incident` };
  const execution = actingExecution(records);
  const promotionEnd = modelOf(Date.parse(operation.finishedAt)) - incident.model;
  const promotionStart = modelOf(Date.parse(operation.startedAt)) - incident.model;
  const detection = execution ? Math.max(0, modelOf(execution.startedAt) - incident.model) : undefined;
  const endpoint = traffic.writerEndpoint;
  const modelled = triggerDetectionFloor(triggers);
  const shortfall = modelled && detection !== undefined ? Math.max(0, modelled.seconds - detection) : 0;
  const seconds = writerPathSeconds({ promotionEndSeconds: promotionEnd + shortfall, repointSeconds: endpoint.repointSeconds, reconnectSeconds: endpoint.reconnectSeconds });
  const terms = [
    ...(modelled ? [{ name: `detection floor of the ${modelled.trigger} (model)`, seconds: round(modelled.seconds, 3) }] : []),
    ...(detection === undefined ? [] : [{ name: 'detection (incident → execution start)', seconds: round(detection, 3) }]),
    ...(shortfall > 0 ? [{ name: 'detection shortfall (observed below the model floor)', seconds: round(shortfall, 3) }] : []),
    { name: 'decision (→ promotion start)', seconds: round(promotionStart - (detection ?? 0), 3) },
    { name: `${operation.kind.toLowerCase()} (as the lab modelled it)`, seconds: round(promotionEnd - promotionStart, 3) },
    { name: 'writer endpoint re-point', seconds: endpoint.repointSeconds },
    { name: 'application reconnect', seconds: endpoint.reconnectSeconds },
  ];
  return {
    seconds: bucketedFloor(incident.model, seconds),
    terms,
    explanation: `${modelled ? `detection (observed, at least the ${modelled.trigger}'s floor ${round(modelled.seconds)} s) ` : 'detection '}`
      + `+ decision + ${operation.kind.toLowerCase()} = ${round(promotionEnd + shortfall)} s, + writer endpoint re-point ${endpoint.repointSeconds} s `
      + `+ its TTL (${endpoint.ttlSeconds} s; 0 at best: the application's cache phase is free) + reconnect ${endpoint.reconnectSeconds} s, to the last whole model second`,
  };
}

/**
 * @param {ReturnType<typeof recoveryOf>} recovery @param {number} failedRequests @param {Floor} floor
 * @param {(second: number) => number} wallOf the wall instant of a model second
 * @returns {UserRto}
 */
function figure(recovery, failedRequests, floor, wallOf, budget) {
  return {
    ...(budget ? { budget: { totalSeconds: budget.totalSeconds, targetSeconds: budget.targetSeconds, reachable: budget.reachable, items: (budget.items ?? []).map((item) => ({ name: item.name, seconds: item.seconds })) } } : {}),
    applicable: true,
    seconds: round(recovery.seconds, 3),
    floorSeconds: floor?.seconds === undefined ? null : round(floor.seconds, 3),
    failed: failedRequests,
    recovered: recovery.recovered,
    failedBuckets: recovery.failedBuckets,
    endedAt: recovery.lastFailedSecond === null ? null : wallOf(recovery.lastFailedSecond + 1),
    floor: floor && (floor.seconds === undefined
      ? { path: 'none', terms: [], explanation: '', reason: floor.reason }
      : { path: floor.path ?? '', terms: floor.terms ?? [], explanation: floor.explanation ?? '' }),
  };
}

/**
 * The serving and write RTOs of a scenario (K3). Throws TrafficDataError when the lab's state lacks the traffic or
 * the records' health checks (an older lab).
 * @param {import('./scenario-runner.mjs').ScenarioResult} result @param {import('./lab-world.mjs').LabDescription} lab
 * @returns {{ servingRto: UserRto, writeRto: UserRto, incident: { kind: string, region: string | null, at: number, modelSecond: number } | null, ratios: { at: number, reads: number | null, writes: number | null }[] }}
 */
export function measureUserRecovery(result, lab) {
  const state = result.finalState;
  const traffic = readTraffic(state);
  const routing = readRouting(state);
  const ratios = traffic.seconds.map((bucket) => ({
    at: Date.parse(bucket.at),
    reads: bucket.reads > 0 ? bucket.readsOk / bucket.reads : null,
    writes: bucket.writes > 0 ? bucket.writesOk / bucket.writes : null,
  }));
  const fault = userIncident(state);
  if (!fault) {
    const none = (failed) => ({ applicable: false, reason: 'no outage fault', seconds: null, floorSeconds: null, failed, floor: null });
    return { servingRto: none(traffic.failedReads), writeRto: none(traffic.failedWrites), incident: null, ratios };
  }
  const timeScale = result.timeScale;
  const modelOf = (at) => modelSecondOf(traffic.seconds, timeScale, at);
  const anchor = traffic.seconds[0];
  const wallOf = (second) => Date.parse(anchor.at) + ((second - anchor.second) * 1000) / timeScale;
  const at = Date.parse(fault.startsAt);
  const incident = { at, model: modelOf(at), endsAt: fault.endsAt ? Date.parse(fault.endsAt) : undefined };
  const reads = recoveryOf(traffic.seconds, incident.model, 'reads');
  const writes = recoveryOf(traffic.seconds, incident.model, 'writes');

  /** @type {Floor} */
  let serving;
  /** @type {Floor} */
  let write;
  if (!STEADY_OUTAGES.includes(fault.kind) || !fault.region) {
    const reason = `floors cover steady Region outages (${STEADY_OUTAGES.join(', ')}); this incident is ${fault.kind}`;
    serving = { reason };
    write = { reason };
  } else {
    const changes = (state.dns?.changes ?? []).slice().sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
    const weights = weightsBefore(state, lab, at);
    serving = servingFloor({ incident, failed: fault.region, traffic, routing, weights, modelOf, changes });
    write = serving;
    if (WRITER_OUTAGES.includes(fault.kind) && writerAt(state, at) === fault.region) {
      const triggers = configuredTriggers(routing, fault.region, result.model ?? {}, result.metricIngestionDelaySeconds ?? 0, /** @type {any} */ (result).probeAlarm);
      const writer = writerFloor({ incident, failed: fault.region, traffic, state, records: result.records, modelOf, triggers });
      write = writer.seconds === undefined ? writer : {
        ...writer,
        path: 'promotion and the global writer endpoint',
        seconds: Math.max(writer.seconds, serving.seconds ?? 0),
        explanation: `max(serving floor ${serving.seconds === undefined ? 'n/a' : round(serving.seconds)} s, ${writer.explanation})`,
      };
    }
  }
  const assessment = (actingExecution(result.records) ?? result.records.find((record) => record.assessment))?.assessment;
  return {
    servingRto: figure(reads, traffic.failedReads, serving, wallOf, assessment?.servingRtoBudget),
    writeRto: figure(writes, traffic.failedWrites, write, wallOf, assessment?.writeRtoBudget),
    incident: { kind: fault.kind, region: fault.region ?? null, at, modelSecond: round(incident.model, 3) },
    ratios,
  };
}

/**
 * The benchmark check (--check-floors): each measured RTO at or above its floor and at most `toleranceSeconds` above
 * it. Returns one line per problem (empty when the figures hold).
 * @param {{ scenario: { name: string }, servingRto?: UserRto, writeRto?: UserRto }} report @param {number} [toleranceSeconds]
 */
export function floorProblems(report, toleranceSeconds = 5) {
  const problems = [];
  for (const [name, rto] of /** @type {[string, UserRto | undefined][]} */ ([['serving RTO', report.servingRto], ['write RTO', report.writeRto]])) {
    if (!rto?.applicable) {
      problems.push(`${report.scenario.name}: ${name} not measured (${rto?.reason ?? 'no traffic'})`);
    } else if (rto.floorSeconds === null || rto.seconds === null) {
      problems.push(`${report.scenario.name}: ${name} has no floor (${rto.floor?.reason ?? 'unknown'})`);
    } else if (!rto.recovered) {
      problems.push(`${report.scenario.name}: ${name} never recovered within the run`);
    } else if (rto.seconds < rto.floorSeconds) {
      problems.push(`${report.scenario.name}: ${name} ${rto.seconds} s is below its floor ${rto.floorSeconds} s (a bug in the model or the measurement)`);
    } else if (rto.seconds > rto.floorSeconds + toleranceSeconds) {
      problems.push(`${report.scenario.name}: ${name} ${rto.seconds} s is more than ${toleranceSeconds} s above its floor ${rto.floorSeconds} s`);
    }
  }
  return problems;
}
