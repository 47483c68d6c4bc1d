// @ts-check
// Measurements of a scenario: the orchestration overhead of each execution (time in the functions and the
// interpreter, excluding modelled waits), the RTO and its breakdown, the floor, the budget, and the data loss.
//
// Time conversion: the lab's world runs `timeScale` times faster than AWS, so modelled time (waits for Aurora, DNS,
// health checks, and the state machine's Wait states and retry pauses) is scaled back by multiplying; the overhead
// is real computation and is not scaled. AWS-equivalent seconds = paused wall time × timeScale + busy wall time,
// along the critical path (the slowest branch of a Parallel state).
import { clip, measure, subtract } from './intervals.mjs';
import { OUTAGE_KINDS } from './vocabulary.mjs';
import { databaseOperations } from './world.mjs';

const ACTING_DECISIONS = ['Failover', 'Switchover', 'DrainSecondary'];
const round = (value, digits = 3) => (value === undefined || value === null ? value : Number(value.toFixed(digits)));

const ZERO = { pausedMs: 0, busyMs: 0, tasksMs: 0 };

/**
 * Wall time of `record` in [from, to): paused (in Wait states and retry pauses of `stateNames`, or of any state),
 * busy (everything else), and how much of the busy time was spent in Task invocations.
 */
export function segment(record, from, to, stateNames) {
  if (to <= from) return ZERO;
  const own = (item) => !stateNames || stateNames.includes(item.state);
  const pauses = clip(record.pauses.filter(own), from, to);
  const pausedMs = measure(pauses);
  return { pausedMs, busyMs: to - from - pausedMs, tasksMs: measure(subtract(clip(record.invocations.filter(own), from, to), pauses)) };
}

/** AWS-equivalent seconds of a segment: modelled time scaled back, the project's own time as it is. */
export function awsSeconds({ pausedMs, busyMs }, timeScale) {
  return (pausedMs * timeScale + busyMs) / 1000;
}

function add(a, b) {
  return { pausedMs: a.pausedMs + b.pausedMs, busyMs: a.busyMs + b.busyMs, tasksMs: a.tasksMs + b.tasksMs };
}

/**
 * One branch of a Parallel state from the Parallel's start to the branch's last state, plus the wait for the other
 * branches (the join) as busy time: what the execution's path looks like if this branch is the critical one.
 */
function branchPath(record, names, start, end) {
  const exits = record.states
    .filter((span) => names.includes(span.name) && span.enteredAt >= start && span.enteredAt < end)
    .map((span) => span.exitedAt ?? end);
  const branchEnd = Math.min(end, Math.max(start, ...exits));
  return { path: add(segment(record, start, branchEnd, names), { pausedMs: 0, busyMs: end - branchEnd, tasksMs: 0 }), branchEnd };
}

/**
 * The critical path of `record` over [from, to): outside Parallel states, the whole timeline; across a Parallel
 * state, the branch that takes longest in AWS-equivalent time (each branch with its own waits), the one that
 * finished last on a tie. Returns the path's paused, busy and in-Task time.
 */
export function criticalPath(record, from, to, timeScale) {
  const parallels = record.states
    .filter((span) => span.type === 'Parallel' && span.enteredAt < to && (span.exitedAt ?? to) > from)
    .sort((a, b) => a.enteredAt - b.enteredAt);
  const slower = (a, b) => {
    const difference = awsSeconds(a.path, timeScale) - awsSeconds(b.path, timeScale);
    return difference > 1e-9 || (Math.abs(difference) <= 1e-9 && a.branchEnd > b.branchEnd);
  };
  let total = ZERO;
  let cursor = from;
  for (const parallel of parallels) {
    const start = Math.max(parallel.enteredAt, cursor);
    const end = Math.min(parallel.exitedAt ?? to, to);
    total = add(total, segment(record, cursor, start));
    const branches = (record.branches?.[parallel.name] ?? []).map((names) => branchPath(record, names, start, end));
    const critical = branches.reduce((best, branch) => (best === undefined || slower(branch, best) ? branch : best), undefined);
    total = add(total, critical?.path ?? segment(record, start, end));
    cursor = end;
  }
  return add(total, segment(record, cursor, to));
}

/**
 * The orchestration overhead of an execution up to `until`: busy time on its critical path (not in a Wait state
 * or retry pause) and how much of it was spent inside Task invocations (the functions, SNS) versus the interpreter.
 */
export function overheadOf(record, timeScale, until = record.stoppedAt) {
  const path = criticalPath(record, record.startedAt, until, timeScale);
  return {
    wallSeconds: round((until - record.startedAt) / 1000),
    pausedSeconds: round(path.pausedMs / 1000),
    overheadSeconds: round(path.busyMs / 1000),
    inTasksSeconds: round(path.tasksMs / 1000),
    inInterpreterSeconds: round((path.busyMs - path.tasksMs) / 1000),
    invocations: record.invocations.length,
    coldStarts: record.invocations.filter((invocation) => invocation.coldStart).length,
  };
}

/** The first failover execution whose decision acted on the world (and reached its recovery step). */
export function actingExecution(records) {
  return records.find((record) => record.machine === 'failover' && ACTING_DECISIONS.includes(record.decision) && record.first('ExecuteRecovery'));
}

/** When the incident began: the first outage fault that started before the execution, else undefined. */
export function incidentStart(marks, executionStart) {
  return marks.find((mark) => mark.kind === 'fault' && OUTAGE_KINDS.includes(mark.faultKind) && mark.at <= executionStart)?.at;
}

function branchWith(record, stateName) {
  for (const branches of Object.values(record.branches ?? {})) {
    const branch = branches.find((names) => names.includes(stateName));
    if (branch) return branch;
  }
  return undefined;
}

/**
 * One phase of the RTO. `start`/`end`: epoch ms as measured, seconds from the scenario's start in the report.
 * @typedef {{ name: string, start: number, end: number, wallSeconds: number, seconds: number }} RtoPhase
 */

/**
 * The RTO of a scenario whose acting execution recovered (times as RtoPhase's).
 * @typedef {object} RtoMeasured
 * @property {true} applicable
 * @property {string} execution @property {string | undefined} decision
 * @property {number} incidentStart @property {number} recoveredAt
 * @property {number} measuredSeconds @property {number} targetSeconds @property {boolean} metTarget
 * @property {RtoPhase[]} phases
 * @property {ReturnType<typeof overheadOf>} overhead
 * @property {{ seconds: number, detectionSeconds: number, ingestionDelaySeconds: number, promotionSeconds: number, propagationSeconds: number, aboveFloorSeconds: number }} floor
 * @property {{ totalSeconds: number, reachable: boolean, explanation: string, items: { name: string, seconds: number, explanation: string }[] } | undefined} budget
 */

/** @typedef {{ applicable: false, execution?: string, reason: string }} RtoNotApplicable */
/** @typedef {RtoMeasured | RtoNotApplicable} Rto */

/** @returns {RtoPhase | undefined} */
function phase(name, from, to, timeScale, parts) {
  if (from === undefined || to === undefined) return undefined;
  return { name, start: from, end: to, wallSeconds: round((to - from) / 1000), seconds: round(awsSeconds(parts(from, to), timeScale)) };
}

/**
 * The RTO of the scenario's acting execution, or `{ applicable: false, reason }`. Seconds are AWS-equivalent.
 * @param {import('./scenario-runner.mjs').ScenarioResult} result
 * @returns {Rto}
 */
export function measureRecovery(result) {
  const { records, marks, timeScale, finalState, model, metricIngestionDelaySeconds = 0 } = result;
  const record = actingExecution(records);
  if (!record) return { applicable: false, reason: 'no execution moved the database or the traffic' };
  const verify = record.last('Verify');
  const recovery = record.first('ExecuteRecovery');
  if (!verify?.exitedAt || verify.outcome !== 'succeeded') {
    return { applicable: false, execution: record.id, reason: `${record.id} did not complete Verify (status ${record.status}${record.error ? `, ${record.error}` : ''})` };
  }
  const began = incidentStart(marks, record.startedAt);
  const recoveredAt = verify.exitedAt;
  // A switchover moves the writer before the traffic (SwitchoverStart/SwitchoverStatus at top level, then DNS);
  // a failover runs promotion and DNS in parallel branches.
  const sequential = record.first('SwitchoverStart') !== undefined;
  const promotionStart = (record.first('PromoteStart') ?? record.first('SwitchoverStart'))?.enteredAt;
  const promotionEnd = (record.last('PromotionComplete') ?? record.last('PromoteStatus') ?? record.last('PromoteStart')
    ?? record.last('SwitchoverStatus') ?? record.last('SwitchoverStart'))?.exitedAt;
  const propagationEnd = (record.last('TrafficMoved') ?? record.last('DnsStatus') ?? record.last('DnsApply'))?.exitedAt;
  const detection = began === undefined ? undefined : {
    name: 'detection', start: began, end: record.startedAt,
    wallSeconds: round((record.startedAt - began) / 1000), seconds: round(((record.startedAt - began) * timeScale) / 1000),
  };
  const path = (from, to) => criticalPath(record, from, to, timeScale);
  const within = (stateName) => (from, to) => segment(record, from, to, branchWith(record, stateName));
  /** @type {RtoPhase[]} */
  const phases = [
    detection,
    phase('decision', record.startedAt, recovery.enteredAt, timeScale, path),
    phase('promotion', promotionStart, promotionEnd, timeScale, sequential ? path : within('PromoteStart')),
    phase('propagation', record.first('DnsApply')?.enteredAt, propagationEnd, timeScale, within('DnsApply')),
    phase('recovery actions', recovery.enteredAt, recovery.exitedAt, timeScale, path),
    phase('verification', recovery.exitedAt, recoveredAt, timeScale, path),
  ].filter((entry) => entry !== undefined);
  const overhead = overheadOf(record, timeScale, recoveredAt);
  const measuredSeconds = (detection?.seconds ?? 0) + awsSeconds(path(record.startedAt, recoveredAt), timeScale);

  const during = (at) => Date.parse(at) >= record.startedAt && Date.parse(at) <= recoveredAt;
  const operation = databaseOperations(finalState).find((op) => during(op.startedAt) && op.finishedAt);
  const changes = finalState.dns.changes.filter((change) => during(change.submittedAt));
  const promotionModelled = operation ? ((Date.parse(operation.finishedAt) - Date.parse(operation.startedAt)) * timeScale) / 1000 : 0;
  const propagationModelled = Math.max(0, ...changes.map((c) => ((Date.parse(c.insyncAt) - Date.parse(c.submittedAt)) * timeScale) / 1000));
  // Verify runs as soon as the database is promoted: the DNS pin (submitted before or beside the promotion) is off
  // the critical path, so no propagation is part of the floor, on a switchover as on a failover.
  const floorSeconds = (detection?.seconds ?? 0) + promotionModelled;
  const budget = record.assessment?.rtoBudget;
  // A Number-typed template parameter (modelConfiguration turns numeric values into numbers).
  const targetSeconds = /** @type {number} */ (model.DR_RTO_TARGET_SECONDS);

  return {
    applicable: true,
    execution: record.id,
    decision: record.decision,
    incidentStart: began ?? record.startedAt,
    recoveredAt,
    measuredSeconds: round(measuredSeconds, 1),
    targetSeconds,
    metTarget: measuredSeconds <= targetSeconds,
    phases,
    overhead,
    floor: {
      seconds: round(floorSeconds, 1),
      detectionSeconds: round(detection?.seconds ?? 0, 1),
      // Part of the detection: the lab's alarms see a datapoint this long after its timestamp.
      ingestionDelaySeconds: metricIngestionDelaySeconds,
      promotionSeconds: round(promotionModelled, 1),
      propagationSeconds: round(propagationModelled, 1),
      aboveFloorSeconds: round(measuredSeconds - floorSeconds, 1),
    },
    // HealthValidator computes it from the configuration's model-second inputs (function-environment.mjs).
    budget: budget && {
      totalSeconds: budget.totalSeconds,
      reachable: budget.reachable,
      explanation: budget.explanation,
      items: (budget.items ?? []).map((item) => ({ name: item.name, seconds: item.seconds, explanation: item.explanation })),
    },
  };
}

/** Data loss from the lab's ground truth against the RPO target (model seconds). */
export function measureDataLoss(result) {
  const lost = result.finalState.lostWrites;
  const target = result.model.DR_RPO_TARGET_SECONDS;
  const estimates = result.records
    .filter((record) => record.assessment?.decision?.estimatedDataLossSeconds !== undefined && ACTING_DECISIONS.includes(record.decision))
    .map((record) => ({ execution: record.id, estimatedSeconds: record.assessment.decision.estimatedDataLossSeconds }));
  return {
    lostWrites: lost.count,
    spanSeconds: round(lost.modelSpanSeconds),
    rpoTargetSeconds: target,
    metTarget: lost.modelSpanSeconds <= target,
    events: lost.events.map((event) => ({ count: event.count, firstSequence: event.firstSequence, lastSequence: event.lastSequence, spanSeconds: round(event.modelSpanSeconds), at: event.at })),
    estimates,
  };
}
