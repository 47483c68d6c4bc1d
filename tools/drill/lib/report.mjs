// @ts-check
// The drill report of one scenario as a JSON document: checks, events, executions with their timelines, RTO,
// data loss and the final world. Times are seconds from the scenario's start (wall clock) unless named otherwise.
import { checkExpectations, factsOf, integrityChecks } from './expectations.mjs';
import { measureDataLoss, measureRecovery, overheadOf } from './measure.mjs';
import { measureUserRecovery } from './user-rto.mjs';
import { finalWorld } from './world.mjs';

/**
 * The drill report of one scenario (report.json). Times are seconds from the scenario's start; a scenario that
 * could not run (failedReport) has only the scenario, profile, a failed check and empty results.
 * @typedef {object} Report
 * @property {{ name: string, title: string, description: string, source: string }} scenario
 * @property {string} profile
 * @property {number} [timeScale]
 * @property {string} [observerRegion]
 * @property {boolean} passed
 * @property {string} [startedAt] ISO 8601
 * @property {number} [wallSeconds]
 * @property {{ name: string, expected: unknown, actual: unknown, passed: boolean }[]} checks
 * @property {{ at: number, until: number | null, kind: string, label: string }[]} events
 * @property {ReturnType<typeof executionReport>[]} executions
 * @property {import('./measure.mjs').Rto} rto the recovery actions' RTO (incident → the orchestrator's actions done)
 * @property {import('./user-rto.mjs').UserRto} servingRto incident → reads back to ≥ 99 % for good (model seconds)
 * @property {import('./user-rto.mjs').UserRto} writeRto incident → writes back to ≥ 99 % for good (model seconds)
 * @property {{ kind: string, region: string | null, at: number, modelSecond: number } | null} [incident] the user-visible RTOs' incident, `at` relative
 * @property {{ at: number, reads: number | null, writes: number | null }[]} [successRatios] per model second: its start (relative wall) and the success ratios
 * @property {ReturnType<typeof measureDataLoss> | null} dataLoss
 * @property {ReturnType<typeof finalWorld> | null} finalWorld
 * @property {Record<string, number | string>} [configuration] the functions' configuration, model units
 * @property {{ at: number, findings: any[], ready: boolean }[]} [readiness] the readiness reports of the scenario's readiness steps (seconds from the start)
 * @property {string} [preset] the deployment preset the scenario ran with
 * @property {{ periodSeconds: number, evaluationPeriods: number, datapointsToAlarm: number } | null} [probeAlarm] the deployed probe alarms' shape
 * @property {any[]} [scheduledInvocations] what the deployed schedules invoked (seconds from the start)
 */

const MAX_CAUSE_LENGTH = 2000;

const round = (value, digits = 3) => Number(value.toFixed(digits));

function truncate(text) {
  if (typeof text !== 'string' || text.length <= MAX_CAUSE_LENGTH) return text ?? null;
  return `${text.slice(0, MAX_CAUSE_LENGTH)}… (${text.length} characters)`;
}

/** Consecutive entries of the same state (a Wait/status loop) grouped: name, first start, last end, entries, time inside. */
export function groupStates(spans, relative) {
  const groups = new Map();
  for (const span of spans) {
    const end = span.exitedAt ?? span.enteredAt;
    const group = groups.get(span.name);
    if (group) {
      group.entries += 1;
      group.end = relative(end);
      group.seconds = round(group.seconds + (end - span.enteredAt) / 1000);
      group.retries += span.retries;
      group.outcome = span.outcome;
    } else {
      groups.set(span.name, {
        state: span.name, type: span.type, start: relative(span.enteredAt), end: relative(end),
        entries: 1, seconds: round((end - span.enteredAt) / 1000), retries: span.retries, outcome: span.outcome,
      });
    }
  }
  return [...groups.values()];
}

/**
 * @param {import('./execution-record.mjs').ExecutionRecord} record @param {(at: number) => number} relative
 * @param {number} timeScale
 */
function executionReport(record, relative, timeScale) {
  const decision = record.assessment?.decision;
  return {
    id: record.id,
    machine: record.machine,
    name: record.name,
    executionArn: record.executionArn,
    status: record.status,
    error: record.error ?? null,
    cause: truncate(record.cause),
    decision: record.decision ?? null,
    reasons: (decision?.reasons ?? []).map((reason) => ({ code: reason.code, message: reason.message })),
    start: relative(record.startedAt),
    end: relative(/** @type {number} the report is built from finished records */ (record.stoppedAt)),
    overhead: overheadOf(record, timeScale),
    steps: groupStates(record.states, relative),
    states: record.states.map((span) => ({
      state: span.name, type: span.type, start: relative(span.enteredAt),
      seconds: round(((span.exitedAt ?? span.enteredAt) - span.enteredAt) / 1000), outcome: span.outcome, retries: span.retries,
    })),
    pauses: record.pauses.map((pause) => ({ kind: pause.kind, state: pause.state, start: relative(pause.from), seconds: round((pause.to - pause.from) / 1000) })),
    invocations: record.invocations.map((invocation) => ({
      state: invocation.state, target: invocation.target, operation: invocation.operation ?? null, occurrence: invocation.occurrence,
      attempt: invocation.attempt, start: relative(invocation.from), seconds: round((invocation.to - invocation.from) / 1000),
      ok: invocation.ok, error: invocation.error?.name ?? null, status: invocation.status ?? null, coldStart: invocation.coldStart ?? false,
      crashInjected: invocation.crashInjected,
      result: invocation.ok ? invocation.result : null,
      cause: invocation.ok ? null : truncate(invocation.error?.message),
    })),
  };
}

/**
 * The report of a scenario run.
 * @param {import('./scenario-runner.mjs').ScenarioResult} result @param {import('./lab-world.mjs').LabDescription} lab
 * @returns {Report}
 */
export function buildReport(result, lab) {
  const relative = (at) => round((at - result.startedAt) / 1000);
  const world = finalWorld(lab, result.finalState, { setupChangeIds: result.setupChangeIds });
  const rto = measureRecovery(result);
  const dataLoss = measureDataLoss(result);
  const user = measureUserRecovery(result, lab);
  const checks = [...integrityChecks(result), ...scheduleChecks(result), ...checkExpectations(result.scenario.expect, factsOf(result, world, rto, user))];
  for (const figure of [user.servingRto, user.writeRto]) {
    if (figure.endedAt !== undefined && figure.endedAt !== null) figure.endedAt = relative(figure.endedAt);
  }
  if (rto.applicable) {
    rto.incidentStart = relative(rto.incidentStart);
    rto.recoveredAt = relative(rto.recoveredAt);
    for (const phase of rto.phases) Object.assign(phase, { start: relative(phase.start), end: relative(phase.end) });
  }
  const { scenario } = result;
  return {
    scenario: { name: scenario.name, title: scenario.title, description: scenario.description, source: scenario.source },
    profile: result.profile,
    timeScale: result.timeScale,
    observerRegion: result.observer,
    passed: checks.every((entry) => entry.passed),
    startedAt: new Date(result.startedAt).toISOString(),
    wallSeconds: relative(result.finishedAt),
    checks,
    events: result.marks.map((mark) => ({
      at: relative(mark.at), until: mark.until === undefined ? null : relative(mark.until), kind: mark.kind, label: mark.label,
    })),
    executions: result.records.map((record) => executionReport(record, relative, result.timeScale)),
    rto,
    servingRto: user.servingRto,
    writeRto: user.writeRto,
    incident: user.incident && { ...user.incident, at: relative(user.incident.at) },
    successRatios: user.ratios.map((entry) => ({ ...entry, at: relative(entry.at) })),
    dataLoss,
    finalWorld: world,
    configuration: result.model,
    readiness: (result.readiness ?? []).map((entry) => ({ ...entry, at: relative(entry.at) })),
    preset: result.preset ?? 'seed',
    probeAlarm: result.probeAlarm ?? null,
    scheduledInvocations: (result.scheduledInvocations ?? []).map((invocation) => ({
      ...invocation, firedAt: relative(invocation.firedAt), finishedAt: invocation.finishedAt === undefined ? null : relative(invocation.finishedAt),
    })),
  };
}

/**
 * The deployed schedules (the probes) ran as EventBridge Scheduler would: every invocation the drill fired succeeded
 * (a denied or failing invocation is a wiring defect: no probe data, no probe alarm).
 * @param {import('./scenario-runner.mjs').ScenarioResult} result
 */
export function scheduleChecks(result) {
  const invocations = result.scheduledInvocations ?? [];
  if (invocations.length === 0) return [];
  const failed = invocations.filter((invocation) => invocation.ok !== true);
  return [{
    name: 'scheduled probe invocations succeeded',
    expected: `all ${invocations.length}`,
    actual: failed.length === 0 ? `all ${invocations.length}` : `${failed.length} failed; first: ${failed[0].schedule} (${failed[0].region}): ${failed[0].error ?? 'unfinished'}`,
    passed: failed.length === 0,
  }];
}

/**
 * The report of a scenario that could not run at all (setup or lab failure).
 * @param {any} scenario @param {string} profile @param {Error} error @returns {Report}
 */
export function failedReport(scenario, profile, error) {
  return {
    scenario: { name: scenario.name, title: scenario.title, description: scenario.description, source: scenario.source },
    profile,
    passed: false,
    checks: [{ name: 'scenario ran', expected: 'ran', actual: `${error.name}: ${error.message}`, passed: false }],
    events: [],
    executions: [],
    rto: { applicable: false, reason: 'the scenario did not run' },
    servingRto: { applicable: false, reason: 'the scenario did not run', seconds: null, floorSeconds: null, failed: 0 },
    writeRto: { applicable: false, reason: 'the scenario did not run', seconds: null, floorSeconds: null, failed: 0 },
    dataLoss: null,
    finalWorld: null,
  };
}
