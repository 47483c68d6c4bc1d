// @ts-check
// Runs one scenario against the lab: its steps in order, its executions (concurrently where asked), its hooks;
// then reads the lab's ground truth. Expectations and reports are computed from what this returns.
import { setTimeout as delay } from 'node:timers/promises';
import { readAlarm } from './alarms.mjs';
import { answerApproval, waitForApproval } from './approvals.mjs';
import { associateCreatedHealthChecks } from './associate.mjs';
import { AwsError } from './aws-client.mjs';
import { routeEvent } from './event-routing.mjs';
import { hostMachine, runAndFinish } from './execution-host.mjs';
import { executionName, startExecution } from './execution-registry.mjs';
import { ProbeScheduler, deployedSchedules } from './probe-schedule.mjs';
import { HookDispatcher } from './hooks.mjs';
import { invokeFunction } from './lambda-task.mjs';
import { LabRequestError, resolveFault } from './lab-client.mjs';
import { roleOf } from './lab-world.mjs';
import { SCENARIO_PARAMETERS } from './scenario-schema.mjs';
import { awaitTrafficSettled } from './traffic-settle.mjs';
import { alarmEvent, triggerInput } from './triggers.mjs';

/**
 * What runScenario works with: the lab, its clients and the deployments (built once in drill.mjs, shared by every
 * scenario of a run).
 * @typedef {object} ScenarioContext
 * @property {import('./lab-world.mjs').LabDescription} lab
 * @property {import('./lab-client.mjs').LabClient} labClient
 * @property {import('./aws-client.mjs').AwsClient} aws the administrative identity (contract C1)
 * @property {import('./emulators.mjs').EmulatorPool} emulators
 * @property {import('./drill-deployment.mjs').DrillDeployment} deployments
 * @property {(request: import('./lab-iam.mjs').SimulateRequest) => Promise<import('./lab-iam.mjs').SimulateResult>} simulate POST /_lab/iam/simulate
 * @property {import('./progress.mjs').Progress} progress
 */

/**
 * Something that happened during a scenario, for the report's events and the timeline (epoch ms).
 * @typedef {{ at: number, until?: number, kind: 'fault' | 'clear' | 'hook' | 'trigger' | 'alarm' | 'operator' | 'config' | 'ready', label: string, faultKind?: string }} Mark
 */

/**
 * The raw result of a scenario run (runScenario), from which expectations, measurements and the report are computed.
 * @typedef {object} ScenarioResult
 * @property {any} scenario the validated scenario document
 * @property {string} profile @property {number} timeScale
 * @property {number} [metricIngestionDelaySeconds] the lab's metric ingestion delay, in model seconds
 * @property {string} observer the Region the scenario observes from (the recovery Region)
 * @property {Record<string, number | string>} model every configuration variable the functions got, in model units
 * @property {number} startedAt @property {number} finishedAt epoch ms
 * @property {Mark[]} marks in time order
 * @property {import('./execution-record.mjs').ExecutionRecord[]} records by start time
 * @property {import('./hooks.mjs').HookEvent[]} hookEvents
 * @property {string[]} unfiredHooks
 * @property {string[]} stepErrors
 * @property {any} finalState the lab's GET /_lab/state at the end
 * @property {{ at: number, findings: any[], ready: boolean }[]} readiness the reports of the scenario's readiness steps
 * @property {string[]} [setupChangeIds] Route 53 changes of the set-up (associate), not the scenario's
 * @property {string} preset the deployment preset the scenario ran with
 * @property {{ periodSeconds: number, evaluationPeriods: number, datapointsToAlarm: number } | null} probeAlarm the
 *   deployed probe alarms' period (model seconds) and M of N; null without a witness
 * @property {import('./probe-schedule.mjs').ScheduledInvocation[]} scheduledInvocations what the deployed EventBridge
 *   Scheduler schedules (the probes) invoked, in firing order
 */

const QUIET_STATE_TYPES = new Set(['Pass', 'Choice']);

/** An instant as the pause document writes it: UTC ISO-8601 to the second. */
function isoSeconds(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A scenario step that could not do what it says (an alarm that never fired...). */
export class ScenarioStepError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ScenarioStepError';
  }
}

function triggerLabel(trigger) {
  if ('alarm' in trigger) return `the ${trigger.alarm} Region's ${trigger.source === 'probes' ? 'probe ' : ''}alarm`;
  if ('manual' in trigger) return `a manual ${trigger.manual.mode ?? ''} request`.replace('  ', ' ');
  return 'raw input';
}

function faultLabel(lab, fault) {
  const role = roleOf(lab, fault.region);
  const details = [fault.rate !== undefined && fault.rate !== null && `rate ${fault.rate}`, fault.factor && `×${fault.factor}`,
    fault.lagMilliseconds && `${fault.lagMilliseconds} ms`].filter(Boolean);
  return `${fault.kind}${role ? ` ${role} (${fault.region})` : ''}${details.length ? ` ${details.join(', ')}` : ''}`;
}

/**
 * Runs `scenario`. `context`: { lab, labClient, aws (the administrative identity), emulators, deployments
 * (DrillDeployment), simulate (POST /_lab/iam/simulate), progress }. The templates are deployed for the scenario's
 * observer (the recovery Region); functions, machines, alarms and rules all come from that deployment.
 * Returns the raw result: records, marks, hook events, step errors, final lab state.
 * @param {any} scenario @param {ScenarioContext} context @returns {Promise<ScenarioResult>}
 */
export async function runScenario(scenario, context) {
  const { lab, labClient, aws, emulators, deployments, simulate, progress } = context;
  const timeScale = lab.timeScale;
  const observer = lab.regions[scenario.observer];
  /** @type {Mark[]} */
  const marks = [];
  /** @type {string[]} */
  const stepErrors = [];
  const running = new Map();
  /** @type {{ at: number, findings: any[], ready: boolean }[]} */
  const readiness = [];
  /** @type {Map<string, { name: string, executionArn: string }>} */
  const launched = new Map();

  await labClient.reset();
  await labClient.setObserver(observer);
  const stack = await deployments.forScenario(scenario, observer);
  const model = stack.model;
  const emulator = await emulators.acquire(stack.functions(), observer);
  // The reset world's records carry the lab's built-in checks: associate puts the deployed ones on them, as an operator
  // does after deploying (its change batch is set-up, not part of the scenario's DNS changes).
  const associated = await associateCreatedHealthChecks({ emulatorUrl: emulator.url, deployment: stack.deployment });
  if (associated) {
    progress.step(`associate: ${associated.changed.map((change) => `${change.setIdentifier} → ${change.to}`).join(', ') || 'records already carry the deployed checks'}`);
  }
  const allowed = async (principal, action, resource, region) =>
    (await simulate({ principal, action, resource, context: { 'aws:RequestedRegion': [region] } })).decision === 'allowed';
  const machines = {};
  for (const step of scenario.steps.filter((candidate) => candidate.do === 'start')) {
    for (const { machine: kind } of step.executions) {
      if (machines[kind]) continue;
      machines[kind] = hostMachine(stack, kind, { emulator, allowed });
    }
  }
  const scheduler = new ProbeScheduler(deployedSchedules({ deployment: stack.deployment, timeScale, emulatorUrl: emulator.url, allowed }), {
    onInvocation: (invocation) => {
      if (!invocation.ok) progress.step(`✗ schedule ${invocation.schedule} (${invocation.region}): ${invocation.error}`);
    },
  });
  const startedAt = Date.now();
  // EventBridge Scheduler runs whether or not anything happens: the probes run from the deployment on.
  scheduler.start();

  const inject = async (faults) => {
    const added = await labClient.addFaults(faults);
    for (const fault of added) {
      marks.push({ at: Date.parse(fault.startsAt), until: fault.endsAt ? Date.parse(fault.endsAt) : undefined, kind: 'fault', faultKind: fault.kind, label: faultLabel(lab, fault) });
      progress.step(`fault ${faultLabel(lab, fault)}${Date.parse(fault.startsAt) > Date.now() + 5 ? ' scheduled' : ' injected'}`);
    }
    return added;
  };
  const clearFaults = async () => {
    await labClient.clearFaults();
    const at = Date.now();
    for (const mark of marks.filter((m) => m.kind === 'fault' && (m.until === undefined || m.until > at))) mark.until = at;
    marks.push({ at, kind: 'clear', label: 'faults cleared' });
    progress.step('faults cleared');
  };
  const hooks = new HookDispatcher(scenario.hooks, {
    lab,
    perform: { inject, clearFaults },
    onFired: (event) => {
      marks.push({ at: event.at, kind: 'hook', label: event.description });
      progress.step(`hook: ${event.description}`);
    },
  });

  const onEvent = (record, event) => {
    if (event.type === 'StateEntered' && !QUIET_STATE_TYPES.has(event.state.type)) progress.state(record.id, event.state.name, event.state.type);
    if (event.type === 'StateRetried') progress.step(`${record.id} ↻ ${event.state.name} retried after ${record.lastFailure?.error ?? 'an error'}`);
  };

  /**
   * How an execution starts: an operator's StartExecution (manual and raw triggers, administrative identity), or
   * the alarm's state-change event routed through the deployed EventBridge rules, started with the rule's role.
   */
  const startOf = async (spec) => {
    const stateMachineArn = machines[spec.machine].deployed.arn;
    if (!('alarm' in spec.trigger)) return { client: aws, stateMachineArn, input: triggerInput(spec.trigger, { lab }) };
    const alarm = stack.alarmFor(spec.trigger.alarm, spec.trigger.source);
    const event = alarmEvent(alarm, await readAlarm(aws, alarm), stack.deployment.accountId);
    const routing = await routeEvent(stack.deployment, event, alarm.region, allowed);
    for (const line of routing.trace) progress.step(`EventBridge ${line}`);
    const starts = routing.starts.filter((start) => start.stateMachineArn === stateMachineArn);
    if (starts.length !== 1) {
      throw new ScenarioStepError(`the ALARM event of ${alarm.name} (${alarm.region}) starts ${starts.length === 0 ? 'no' : starts.length} execution(s) of ${stateMachineArn} through the deployed EventBridge rules: ${routing.trace.join('; ')}`);
    }
    return { client: stack.clientFor(starts[0].roleArn), stateMachineArn, input: starts[0].input };
  };

  const launch = async (spec) => {
    const { client, stateMachineArn, input } = await startOf(spec);
    const name = executionName(spec.id);
    const { executionArn, startDate } = await startExecution(client, stateMachineArn, name, input);
    marks.push({ at: startDate, kind: 'trigger', label: `${spec.id} started by ${triggerLabel(spec.trigger)}` });
    progress.step(`${spec.id}: ${spec.machine} execution ${name} started by ${triggerLabel(spec.trigger)}`);
    const execution = { id: spec.id, machine: spec.machine, name, executionArn, stateMachineArn, startedAt: startDate };
    launched.set(spec.id, execution);
    const done = runAndFinish({
      labClient,
      machine: machines[spec.machine],
      execution,
      input,
      timeScale,
      beforeTask: hooks.forExecution(spec.id),
      onEvent,
    }).then((record) => {
      const decision = record.decision ? `, decision ${record.decision}` : '';
      progress.step(`${spec.id} ${record.status === 'SUCCEEDED' ? '✓' : '✗'} ${record.status}${record.error ? ` (${record.error})` : ''}${decision}`);
      return record;
    });
    running.set(spec.id, done);
    return { done };
  };

  const steps = {
    inject: (step) => inject(step.faults.map((fault) => resolveFault(lab, fault))),
    clearFaults: () => clearFaults(),
    wait: async (step) => {
      progress.step(`waiting ${step.seconds} s (model time)`);
      await delay((step.seconds * 1000) / timeScale);
    },
    /** @param {{ region: 'primary' | 'secondary', state: string, timeoutSeconds: number, source?: 'health-check' | 'probes' }} step */
    waitForAlarm: async (step) => {
      const deployed = stack.alarmFor(step.region, step.source);
      const name = deployed.name;
      progress.step(`waiting for alarm ${name} (${deployed.region}) to be ${step.state}`);
      const deadline = Date.now() + (step.timeoutSeconds * 1000) / timeScale;
      const pollMs = Math.max(50, Math.min(1000, 3000 / timeScale));
      for (;;) {
        const alarm = await readAlarm(aws, deployed);
        if (alarm?.state === step.state) {
          marks.push({ at: alarm.updatedAt ? Date.parse(alarm.updatedAt) : Date.now(), kind: 'alarm', label: `${name} ${step.state}` });
          progress.step(`alarm ${name} is ${step.state}`);
          return;
        }
        if (Date.now() > deadline) {
          throw new ScenarioStepError(`alarm ${name} did not reach ${step.state} within ${step.timeoutSeconds} s (model time); it is ${alarm?.state ?? 'missing'}`);
        }
        await delay(pollMs);
      }
    },
    start: async (step) => {
      const launched = await Promise.all(step.executions.map((spec) => launch(spec)));
      if (!step.background) await Promise.all(launched.map((entry) => entry.done));
    },
    awaitExecutions: () => Promise.all(running.values()),
    /** An operator's pause of automatic failover, as drctl pause writes it (administrative identity, recovery Region). */
    pause: async (step) => {
      const pausedAt = new Date();
      const expiresAt = new Date(pausedAt.getTime() + (step.forSeconds * 1000) / timeScale);
      const document = { pausedBy: step.pausedBy, reason: step.reason, pausedAt: isoSeconds(pausedAt), expiresAt: isoSeconds(expiresAt) };
      const name = await putScenarioParameter('pause', JSON.stringify(document));
      marks.push({ at: pausedAt.getTime(), kind: 'operator', label: `automatic failover paused until ${document.expiresAt}` });
      progress.step(`pause set in ${name} by ${step.pausedBy} until ${document.expiresAt}: ${step.reason}`);
    },
    putParameter: async (step) => {
      const name = await putScenarioParameter(step.parameter, step.value);
      marks.push({ at: Date.now(), kind: 'operator', label: `${step.parameter} parameter written` });
      progress.step(`parameter ${name} set to ${JSON.stringify(step.value)}`);
    },
    misconfigure: async (step) => {
      for (const misconfiguration of step.misconfigurations) {
        const region = lab.regions[misconfiguration.region];
        const changed = await labClient.misconfigure({ kind: misconfiguration.kind, region });
        marks.push({ at: Date.now(), kind: 'config', label: `${misconfiguration.kind} ${region}: ${changed}` });
        progress.step(`misconfiguration ${misconfiguration.kind} ${region}: ${changed}`);
      }
    },
    readiness: async () => {
      const validator = stack.functions().find((fn) => fn.code === 'HealthValidator');
      if (!validator) throw new ScenarioStepError('the deployment has no HealthValidator function');
      const outcome = /** @type {any} */ (await invokeFunction(emulator.url, validator.name, { operation: 'readiness' }));
      if (!outcome.ok) throw new ScenarioStepError(`readiness failed: ${outcome.error.message}`);
      const report = { at: Date.now(), findings: outcome.result.findings, ready: outcome.result.ready };
      readiness.push(report);
      marks.push({ at: report.at, kind: 'ready', label: `readiness: ${report.findings.map((finding) => finding.code).join(', ') || 'no findings'}` });
      progress.step(`readiness: ${report.findings.length} finding(s)${report.ready ? '' : ', NOT READY'}`);
      for (const finding of report.findings) progress.step(`  ${finding.severity} [${finding.code}] ${finding.subject}: ${finding.problem} Fix: ${finding.fix}`);
    },
    /** @param {{ execution: string, timeoutSeconds: number }} step */
    awaitApproval: async (step) => {
      const parameterName = approvalParameterOf(step.execution);
      progress.step(`waiting for ${step.execution} to ask for approval (${parameterName})`);
      const record = await waitForApproval({
        aws, region: observer, parameterName, ...approvalPolling(step.timeoutSeconds),
      });
      if (!record) throw new ScenarioStepError(`${step.execution} asked for no approval within ${step.timeoutSeconds} s (model time)`);
      marks.push({ at: Date.now(), kind: 'trigger', label: `${step.execution} waits for approval` });
      progress.step(`${step.execution}: ${record.decision} waits for approval`);
    },
    /** @param {{ execution: string, decision: 'approve' | 'reject', reason: string, timeoutSeconds: number }} step */
    approve: async (step) => {
      const parameterName = approvalParameterOf(step.execution);
      progress.step(`waiting for ${step.execution} to ask for approval (${parameterName})`);
      const answered = await answerApproval({
        aws, region: observer, parameterName, decision: step.decision, reason: step.reason, ...approvalPolling(step.timeoutSeconds),
      });
      if (!answered) throw new ScenarioStepError(`${step.execution} asked for no approval within ${step.timeoutSeconds} s (model time)`);
      const verb = step.decision === 'approve' ? 'approved' : 'rejected';
      marks.push({ at: Date.now(), kind: 'trigger', label: `${step.execution} ${verb} by ${answered.answeredBy}` });
      progress.step(`${step.execution}: ${answered.record.decision} ${verb} by ${answered.answeredBy}: ${step.reason}`);
    },
  };

  /** The SSM parameter where the launched execution `id` keeps its approval request. @param {string} id */
  function approvalParameterOf(id) {
    const execution = launched.get(id);
    if (!execution) throw new ScenarioStepError(`execution ${id} was not started before this step`);
    return `${stack.approvalParameterPrefix()}/${execution.name}`;
  }

  /** How often and how long (wall-clock ms) to poll for an approval request given in model seconds. @param {number} timeoutSeconds */
  function approvalPolling(timeoutSeconds) {
    return { pollMs: Math.max(50, Math.min(1000, 3000 / timeScale)), timeoutMs: (timeoutSeconds * 1000) / timeScale };
  }

  /** Writes the SSM parameter the deployed HealthValidator reads under `SCENARIO_PARAMETERS[parameter]`; returns its name. */
  async function putScenarioParameter(parameter, value) {
    const variable = SCENARIO_PARAMETERS[parameter];
    const validator = stack.functions().find((fn) => fn.code === 'HealthValidator');
    const name = validator?.env[variable];
    if (!name) throw new ScenarioStepError(`the deployed HealthValidator has no ${variable}: the template does not name the ${parameter} parameter`);
    await aws.json('ssm', observer, 'AmazonSSM.PutParameter', { Name: name, Value: value, Type: 'String', Overwrite: true }, '1.1');
    return name;
  }

  for (const [index, step] of scenario.steps.entries()) {
    try {
      await steps[step.do](step);
    } catch (error) {
      if (!(error instanceof ScenarioStepError || error instanceof LabRequestError || error instanceof AwsError)) {
        await scheduler.stop();
        throw error;
      }
      stepErrors.push(`step ${index + 1} (${step.do}): ${error.message}`);
      progress.step(`✗ step ${index + 1} (${step.do}) failed: ${error.message}`);
      break;
    }
  }
  const settled = await Promise.allSettled(running.values());
  for (const failure of settled.filter((entry) => entry.status === 'rejected')) {
    stepErrors.push(`an execution could not run: ${failure.reason?.message ?? failure.reason}`);
  }
  const records = settled.filter((entry) => entry.status === 'fulfilled').map((entry) => entry.value).sort((a, b) => a.startedAt - b.startedAt);
  // The orchestrator is done; the users' recovery (cached answers, the writer endpoint) may still be under way.
  let finalState;
  try {
    finalState = await awaitTrafficSettled(labClient, timeScale);
  } finally {
    await scheduler.stop();
  }
  return {
    scenario,
    profile: lab.profile,
    timeScale,
    metricIngestionDelaySeconds: lab.metricIngestionDelaySeconds,
    observer,
    model,
    startedAt,
    finishedAt: Date.now(),
    marks: marks.sort((a, b) => a.at - b.at),
    records,
    hookEvents: hooks.events,
    unfiredHooks: hooks.unfired(),
    stepErrors,
    finalState,
    readiness,
    setupChangeIds: associated?.changeIds ?? [],
    preset: scenario.preset,
    probeAlarm: stack.probeAlarmSettings(),
    scheduledInvocations: scheduler.invocations.map(({ result, ...rest }) => rest),
  };
}
